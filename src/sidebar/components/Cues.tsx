/** Cues in the customer's words (threat, abuse, "I'm done"…), each with its tip. */
import type { Cue, CustomerType, Prompt } from '../../engine/analysis.ts';
import { t } from '../../shared/i18n.ts';
import { cueLabel } from '../summary.ts';

export function Cues({ cues, customerType, prompts }: { cues: Cue[]; customerType: CustomerType | null; prompts: Prompt[] }) {
  if (!cues.length && !customerType && !prompts.length) return null;
  return (
    <section class="card" aria-labelledby="cues-h">
      <h2 id="cues-h">{t('cuesHeading')}</h2>
      {customerType && (
        <div class="ctype" data-testid="customer-type" data-type={customerType.id}>
          <strong>{customerType.name}</strong>
          <p>{customerType.tip}</p>
        </div>
      )}
      {prompts.map((p) => (
        <p key={`${p.id}-${p.messageIndex}`} class={`prompt prompt-${p.id}`} data-testid="prompt" data-prompt={p.id}>{p.text}</p>
      ))}
      <ul class="cues">
        {cues.map((c) => (
          <li key={`${c.ruleId}-${c.messageIndex}-${c.span.start}`} data-testid="cue" data-cue={c.type}>
            <span class={`tag cue-${c.type}`}>{cueLabel(t, c.type)}</span> <q>{c.span.text}</q>
            <p class="tip">{c.tip}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
