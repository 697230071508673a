/**
 * Strings for the extension's pages come from `_locales/<lang>/messages.json` through the
 * browser's i18n API (sync in both browsers, so no polyfill is needed). Keys are typed from the
 * English catalogue: a missing key is a compile error. Pure modules (summary, effects) take a
 * `Translate` parameter instead of importing this, so Node tests pass `catalogTranslator(en)`.
 */
export type Catalog = Record<string, { message: string; description?: string }>;
export type MessageKey = keyof typeof import('../../_locales/en/messages.json');
export type Translate = (key: MessageKey, subs?: string | number | (string | number)[]) => string;

interface I18nApi { getMessage(key: string, subs?: string | string[]): string }

function api(): I18nApi | null {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return g.browser?.i18n ?? g.chrome?.i18n ?? null;
}

const asStrings = (subs: string | number | (string | number)[] | undefined): string[] =>
  subs === undefined ? [] : (Array.isArray(subs) ? subs : [subs]).map(String);

/** `$1`…`$9` in a message are replaced by the substitutions (direct substitution, as the browsers do). */
export function substitute(message: string, subs: string[]): string {
  return message.replace(/\$(\d)/g, (whole, n: string) => subs[Number(n) - 1] ?? whole).replace(/\$\$/g, '$');
}

/** A Translate over a catalogue object (tests, scripts). */
export function catalogTranslator(catalog: Catalog): Translate {
  return (key, subs) => {
    const entry = catalog[key];
    return entry ? substitute(entry.message, asStrings(subs)) : key;
  };
}

/** The browser's translation of `key`, or the key itself when the catalogue lacks it. */
export const t: Translate = (key, subs) => {
  const list = asStrings(subs);
  return api()?.getMessage(key, list.length ? list : undefined) || key;
};
