/** After-action note: one click copies a short factual summary for the ticket's internal note. (The body of its section.) */
import { useState } from 'preact/hooks';
import type { Analysis } from '../../engine/analysis.ts';
import { t } from '../../shared/i18n.ts';
import { afterActionNote } from '../summary.ts';

type CopyState = 'idle' | 'copied' | 'failed';

export function Note({ analysis, customerName, messageCount }: { analysis: Analysis; customerName?: string | undefined; messageCount: number }) {
  const [state, setState] = useState<CopyState>('idle');
  const [shown, setShown] = useState(false);
  const note = afterActionNote(t, { analysis, customerName, messageCount });
  const copy = (): void => {
    navigator.clipboard.writeText(note).then(() => setState('copied'), () => {
      setState('failed');
      setShown(true); // let the agent select and copy it by hand
    });
  };
  return (
    <>
      <p class="muted">{t('noteIntro')}</p>
      <div class="row">
        <button type="button" data-testid="copy-note" onClick={copy}>{t('noteCopy')}</button>
        <button type="button" class="link" aria-expanded={shown} aria-controls="note-text" onClick={() => setShown(!shown)}>
          {shown ? t('noteHide') : t('noteShow')}
        </button>
        <span role="status" class="muted" data-testid="copy-status">
          {state === 'copied' ? t('noteCopied') : state === 'failed' ? t('noteCopyFailed') : ''}
        </span>
      </div>
      {shown && <pre id="note-text" class="note" data-testid="note-text" tabIndex={0}>{note}</pre>}
    </>
  );
}
