/**
 * Cues in the customer's words (threat, abuse, "I'm done"…), each with its tip, and the prompts
 * they raise. `Safety` is the first-screen card for threats, abuse and the prompt to document
 * them; `Cues` is the folding section's body for the rest. Both draw a cue the same way.
 */
import type { Cue, CustomerType, Prompt } from '../../engine/analysis.ts';
import { t } from '../../shared/i18n.ts';
import { cueLabel } from '../summary.ts';

function PromptLine({ prompt }: { prompt: Prompt }) {
  return <p class={`prompt prompt-${prompt.id}`} data-testid="prompt" data-prompt={prompt.id}>{prompt.text}</p>;
}

function CueList({ cues }: { cues: Cue[] }) {
  if (!cues.length) return null;
  return (
    <ul class="cues">
      {cues.map((c) => (
        <li key={`${c.ruleId}-${c.messageIndex}-${c.span.start}`} data-testid="cue" data-cue={c.type}>
          <span class={`tag cue-${c.type}`}>{cueLabel(t, c.type)}</span> <q>{c.span.text}</q>
          <p class="tip">{c.tip}</p>
        </li>
      ))}
    </ul>
  );
}

/** Threats, abuse and "document this": on the first screen whenever there are any. */
export function Safety({ cues, prompts }: { cues: Cue[]; prompts: Prompt[] }) {
  if (!cues.length && !prompts.length) return null;
  return (
    <section class="card safety" aria-labelledby="safety-h" data-testid="safety">
      <h2 id="safety-h">{t('safetyHeading')}</h2>
      {prompts.map((p) => <PromptLine key={`${p.id}-${p.messageIndex}`} prompt={p} />)}
      <CueList cues={cues} />
    </section>
  );
}

/** The other cues, the customer type and the other prompts (the body of the Cues section). */
export function Cues({ cues, customerType, prompts }: { cues: Cue[]; customerType: CustomerType | null; prompts: Prompt[] }) {
  return (
    <>
      {customerType && (
        <div class="ctype" data-testid="customer-type" data-type={customerType.id}>
          <strong>{customerType.name}</strong>
          <p>{customerType.tip}</p>
        </div>
      )}
      {prompts.map((p) => <PromptLine key={`${p.id}-${p.messageIndex}`} prompt={p} />)}
      <CueList cues={cues} />
    </>
  );
}
