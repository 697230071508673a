/**
 * Live flags on the draft, with the reason and replacements (buttons: Tab to reach, Enter to
 * replace). On the first screen; the draft's tone has its own folding section.
 */
import type { Flag } from '../../engine/analysis.ts';
import { t } from '../../shared/i18n.ts';
import { hasLink } from '../links.ts';

export function Flags({ flags, onReplace }: { flags: Flag[]; onReplace: (flag: Flag, replacement: string) => void }) {
  return (
    <section class="card" aria-labelledby="flags-h">
      <h2 id="flags-h">{t('flagsHeading')}</h2>
      {flags.length === 0 ? <p class="muted" data-testid="no-flags">{t('flagsNone')}</p> : (
        <ul class="flags">
          {flags.map((f) => {
            const id = `flag-${f.ruleId}-${f.start}`;
            return (
              <li key={`${f.ruleId}-${f.start}`} data-testid="flag" data-rule={f.ruleId} class={`flag sev-${f.severity}`}>
                <span class="sev" data-severity={f.severity}>{t(f.severity === 'error' ? 'sevError' : f.severity === 'warning' ? 'sevWarning' : 'sevInfo')}</span>{' '}
                <mark>{f.text}</mark>
                <p id={id}>{f.message}</p>
                {f.replacements.length > 0 && (
                  <div class="replacements" role="group" aria-label={t('flagReplacementsLabel', f.text)}>
                    {f.replacements.map((r) => (
                      <button key={r} type="button" data-testid="replace" aria-describedby={id} onClick={() => onReplace(f, r)}
                        title={hasLink(r) ? `${t('flagReplaceTitle')}. ${t('textHasLink')}` : t('flagReplaceTitle')} data-has-link={hasLink(r) ? 'true' : undefined}>
                        {t('flagReplaceWith', r)}
                        {hasLink(r) && <span class="link-warning" data-testid="link-warning"> ({t('textHasLink')})</span>}
                      </button>
                    ))}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
