/** The playbook checklist: each step done (in a sent reply), drafted (in the draft) or to do. */
import type { Step } from '../../engine/analysis.ts';

const STATUS_LABEL = { done: 'done', drafted: 'drafted', todo: 'to do' } as const;
const STATUS_MARK = { done: '✓', drafted: '✎', todo: '○' } as const;

export function Playbook({ steps }: { steps: Step[] }) {
  return (
    <section class="card" aria-labelledby="steps-h">
      <h2 id="steps-h">Playbook</h2>
      <ol class="steps">
        {steps.map((s) => (
          <li key={s.id} data-testid="step" data-step={s.id} data-status={s.status} class={`step step-${s.status}`}>
            <span class="mark" aria-hidden="true">{STATUS_MARK[s.status]}</span>
            <span class="title">{s.title}</span>
            <span class="status">{STATUS_LABEL[s.status]}</span>
            {s.evidence && (
              <p class="evidence">
                <q>{s.evidence.span.text}</q>{' '}
                <small>{s.evidence.source.in === 'draft' ? 'in your draft' : `in message ${s.evidence.source.index + 1}`}</small>
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
