/**
 * Fills `{{name}}`-style placeholders in pack texts. A placeholder with no value is dropped
 * together with the comma or space that joins it, so "Thanks, {{name}}." reads "Thanks." when
 * the customer's name is unknown.
 */
export type TemplateValues = Readonly<Record<string, string | undefined>>;

const PLACEHOLDER = /(,\s*|\s+)?\{\{\s*([a-z]+)\s*\}\}(,\s*)?/g;

export function fillTemplate(template: string, values: TemplateValues): string {
  return template
    .replace(PLACEHOLDER, (_whole, before: string | undefined, key: string, after: string | undefined) => {
      const value = values[key];
      if (value) return `${before ?? ''}${value}${after ?? ''}`;
      // Keep one separator when the placeholder sat between two words: "Hi {{name}} there".
      if (before && after) return before.includes(',') ? after : ' ';
      if (before && !before.includes(',')) return '';
      return '';
    })
    .replace(/^\s+/, '')
    .replace(/\s{2,}/g, ' ');
}

/**
 * A first name: letters, with inner apostrophes or hyphens ("D'Arcy", "Jean-Luc"), as a name is
 * written. The display name comes from the page, so anything else (a URL such as
 * `https://evil.tld/x`, an e-mail address, digits, markup) is not a name and is never put into
 * text the agent may insert (issue 14, L5).
 */
const NAME = /^\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*$/u;
const MAX_FIRST_NAME_CHARS = 40;

/** First name for a greeting; none for an e-mail address, a URL, an empty name or anything but letters. */
export function firstName(name: string | undefined): string | undefined {
  const trimmed = name?.trim();
  if (!trimmed) return undefined;
  const first = trimmed.split(/\s+/)[0]!;
  return first.length <= MAX_FIRST_NAME_CHARS && NAME.test(first) ? first : undefined;
}
