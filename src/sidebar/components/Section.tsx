/**
 * A folding section below the first screen (issue 13), as the WAI-ARIA accordion pattern: the
 * heading holds a button with aria-expanded (Tab to reach, Enter or Space to toggle). A closed
 * section keeps its content in the page, `hidden`, so a copy in progress or a shown note
 * survives closing and opening, and aria-controls always points at something.
 */
import type { ComponentChildren } from 'preact';
import type { SectionId } from '../../shared/sections.ts';

export function Section({ id, title, summary, open, onToggle, children }: {
  id: SectionId;
  title: string;
  /** A few words on what is inside (a count, the tone), so a closed section still says whether it is worth opening. */
  summary?: string | undefined;
  open: boolean;
  onToggle: (id: SectionId, open: boolean) => void;
  children: ComponentChildren;
}) {
  const body = `section-${id}`;
  return (
    <section class={open ? 'card fold open' : 'card fold'} aria-labelledby={`${body}-h`} data-testid="section" data-section={id} data-open={String(open)}>
      <h2 id={`${body}-h`} class="fold-h">
        <button type="button" class="fold-toggle" aria-expanded={open} aria-controls={body} data-testid="section-toggle" onClick={() => onToggle(id, !open)}>
          <span class="chev" aria-hidden="true">{open ? '▾' : '▸'}</span>
          <span class="fold-title">{title}</span>
          {summary && <span class="fold-summary">{summary}</span>}
        </button>
      </h2>
      <div id={body} class="fold-body" hidden={!open}>{children}</div>
    </section>
  );
}
