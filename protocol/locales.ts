/**
 * The languages the phone speaks: each has its strings table in audience/locales/, built as
 * a file of its own (slides/vite/language-chunks.ts) that only phones in that language fetch.
 */
export const LOCALES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'pl'] as const;
export type LocaleCode = (typeof LOCALES)[number];
