// ssml-builder ships no types; this declares the part of its API the SSML facade uses.
declare module 'ssml-builder' {
  class SsmlBuilder {
    /** Escapes &, <, >, quotes. */
    say(text: string): this;
    /** `duration` like "300ms" or "1s", at most 10 s. */
    pause(duration: string): this;
    /** Does NOT escape `word`. */
    sayAs(options: { word: string; interpret: string; format?: string }): this;
    /** Inserts raw markup, unescaped. */
    sayWithSSML(markup: string): this;
    ssml(excludeSpeakTag?: boolean): string;
  }
  export = SsmlBuilder;
}
