/** Next-step suggestions, each with an Insert button that types it into the site's editor. */
import type { Suggestion } from '../../engine/analysis.ts';

export function Suggestions({ next, canInsert, onInsert }: { next: Suggestion[]; canInsert: boolean; onInsert: (s: Suggestion) => void }) {
  if (!next.length) return null;
  return (
    <section class="card" aria-labelledby="next-h">
      <h2 id="next-h">Next steps</h2>
      <ul class="suggestions">
        {next.map((s) => (
          <li key={s.step} data-testid="suggestion" data-step={s.step}>
            <strong>{s.title}</strong>
            <p class="text">{s.text}</p>
            <p class="why">{s.why}</p>
            <button type="button" data-testid="insert" disabled={!canInsert} onClick={() => onInsert(s)}
              title={canInsert ? 'Insert at the caret in your reply' : 'Open the reply editor first'}>
              Insert
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
