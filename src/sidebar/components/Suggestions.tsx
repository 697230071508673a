/**
 * Next-step suggestions, each with an Insert button that types it into the site's editor.
 * `NextSteps` is the first-screen card (the first one or two); `Suggestions` is the list itself,
 * also the body of the "more next steps" section.
 */
import type { Suggestion } from '../../engine/analysis.ts';
import { t } from '../../shared/i18n.ts';
import { hasLink } from '../links.ts';

interface ListProps { next: Suggestion[]; canInsert: boolean; compact: boolean; onInsert: (s: Suggestion) => void }

export function Suggestions({ next, canInsert, compact, onInsert }: ListProps) {
  return (
    <ul class="suggestions">
      {next.map((s) => {
        const textId = `next-${s.step}`;
        const link = hasLink(s.text);
        return (
          <li key={s.step} data-testid="suggestion" data-step={s.step} data-has-link={link ? 'true' : undefined}>
            {/* Insert beside the title, not under the text: one line less per step on the first screen. */}
            <div class="next-head">
              <strong>{s.title}</strong>
              <button type="button" data-testid="insert" disabled={!canInsert} onClick={() => onInsert(s)} aria-describedby={textId}
                title={canInsert ? t('insertTitle') : t('insertDisabledTitle')}>
                {t('insert')}
              </button>
            </div>
            <p class="text" id={textId}>{s.text}</p>
            {link && <p class="link-warning" data-testid="link-warning" role="note">{t('textHasLink')}</p>}
            {!compact && <p class="why">{s.why}</p>}
          </li>
        );
      })}
    </ul>
  );
}

export function NextSteps(props: ListProps) {
  if (!props.next.length) return null;
  return (
    <section class="card" aria-labelledby="next-h" data-testid="next-now">
      <h2 id="next-h">{t('nextHeading')}</h2>
      <Suggestions {...props} />
    </section>
  );
}
