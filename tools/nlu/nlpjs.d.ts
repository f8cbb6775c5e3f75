// nlp.js ships JavaScript only; these are the few parts the library comparison uses.
declare module '@nlpjs/core' {
  export interface Container {
    use(plugin: unknown): void;
    get(name: 'nlp'): import('@nlpjs/nlp').NlpManager;
  }
  export function containerBootstrap(): Promise<Container>;
}

declare module '@nlpjs/nlp' {
  export interface Classification {
    readonly intent: string;
    readonly score: number;
  }
  export interface NlpManager {
    settings: { autoSave: boolean; log: boolean };
    /** Its neural network prints every training epoch unless this says otherwise. */
    nluManager: { settings: { log: boolean } };
    addLanguage(language: string): void;
    addDocument(language: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(language: string, utterance: string): Promise<{ intent: string; score: number; classifications: Classification[] }>;
    export(minified?: boolean): string;
  }
  export const Nlp: unknown;
}

declare module '@nlpjs/lang-en' {
  export const LangEn: unknown;
}

declare module '@nlpjs/lang-de' {
  export const LangDe: unknown;
}
