/** The part of html-to-text (which ships no types) that the catalog import uses. */
declare module 'html-to-text' {
  export interface SelectorDefinition {
    readonly selector: string;
    readonly format?: string;
    readonly options?: Readonly<Record<string, unknown>>;
  }

  export interface HtmlToTextOptions {
    /** Characters per line before wrapping; false never wraps. */
    readonly wordwrap?: number | false | null;
    readonly selectors?: readonly SelectorDefinition[];
  }

  export function convert(html: string, options?: HtmlToTextOptions): string;
}
