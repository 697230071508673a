/** Test-only bundle entry: exposes the draft text model to a page (see text.spec.ts). */
import { extractText, rangeFor } from '../../../src/adapters/dom/text.ts';

(globalThis as unknown as { __cooldownText: unknown }).__cooldownText = {
  /** For every word of the extracted text, the DOM range it maps back to must read the same. */
  roundTrip(html: string): { text: string; mismatches: string[] } {
    const root = document.createElement('div');
    root.setAttribute('contenteditable', 'true');
    root.append(document.createRange().createContextualFragment(html));
    document.body.append(root);
    const model = extractText(root);
    const mismatches: string[] = [];
    for (const m of model.text.matchAll(/\S+/g)) {
      const range = rangeFor(model, m.index, m.index + m[0].length, document);
      const got = range?.toString().replace(/\u2060/g, '').replace(/\u00a0/g, ' ');
      if (got !== m[0]) mismatches.push(`${m[0]} -> ${got}`);
    }
    root.remove();
    return { text: model.text, mismatches };
  },
};
