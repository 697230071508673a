/** The playbook checklist: each step done (in a sent reply), drafted (in the draft) or to do. (The body of its section.) */
import type { Step } from '../../engine/analysis.ts';
import { t } from '../../shared/i18n.ts';

const STATUS_KEY = { done: 'stepDone', drafted: 'stepDrafted', todo: 'stepTodo' } as const;
const STATUS_MARK = { done: '✓', drafted: '✎', todo: '○' } as const;

export function Playbook({ steps, compact }: { steps: Step[]; compact: boolean }) {
  return (
    <ol class="steps">
      {steps.map((s) => (
        <li key={s.id} data-testid="step" data-step={s.id} data-status={s.status} class={`step step-${s.status}`}>
          <span class="mark" aria-hidden="true">{STATUS_MARK[s.status]}</span>
          <span class="title">{s.title}</span>
          <span class="status">{t(STATUS_KEY[s.status])}</span>
          {!compact && s.evidence && (
            <p class="evidence">
              <q>{s.evidence.span.text}</q>{' '}
              <small>{s.evidence.source.in === 'draft' ? t('evidenceInDraft') : t('evidenceInMessage', s.evidence.source.index + 1)}</small>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
