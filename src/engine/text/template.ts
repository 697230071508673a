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

/** First name for a greeting; none for an e-mail address or an empty name. */
export function firstName(name: string | undefined): string | undefined {
  const trimmed = name?.trim();
  if (!trimmed || trimmed.includes('@')) return undefined;
  const first = trimmed.split(/\s+/)[0]!;
  return first.length > 40 ? undefined : first;
}
