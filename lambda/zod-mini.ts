import { en } from 'zod/locales';
import { config } from 'zod/mini';

/**
 * zod/mini, which every schema the Alexa function reaches is written with: a bundle keeps only
 * the functions of it that are used, whereas a single `import * as z from 'zod'` brings zod's
 * classic API whole (every method of every schema, about 50 KB of the Alexa bundle). Unlike the
 * classic API, zod/mini sets no language for its messages, so every issue would read "Invalid
 * input"; these are the English ones the classic API gives, which configuration problems, logged
 * store answers and the store check quote.
 */
config(en());

export * from 'zod/mini';
