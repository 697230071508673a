/** Live flags on the draft, with the reason and one-click replacements. */
import type { Flag, Tone as ToneT } from '../../engine/analysis.ts';
import { Tone } from './Tone.tsx';

export function Flags({ flags, tone, onReplace }: { flags: Flag[]; tone: ToneT | null; onReplace: (flag: Flag, replacement: string) => void }) {
  return (
    <section class="card" aria-labelledby="flags-h">
      <h2 id="flags-h">Your draft</h2>
      {tone && <Tone tone={tone} />}
      {flags.length === 0 ? <p class="muted" data-testid="no-flags">Nothing to flag in your draft.</p> : (
        <ul class="flags">
          {flags.map((f) => (
            <li key={`${f.ruleId}-${f.start}`} data-testid="flag" data-rule={f.ruleId} class={`flag sev-${f.severity}`}>
              <mark>{f.text}</mark>
              <p>{f.message}</p>
              {f.replacements.length > 0 && (
                <div class="replacements">
                  {f.replacements.map((r) => (
                    <button key={r} type="button" data-testid="replace" onClick={() => onReplace(f, r)} title="Replace the flagged words in your editor">
                      Replace with “{r}”
                    </button>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
