/**
 * Where quoted history starts in a message or a draft, for the mail clients and helpdesks agents
 * meet most. Everything from that point on is someone's earlier text: read as new, earlier agent
 * replies become customer words and old anger is counted twice. Pure text, no DOM: analyze() folds
 * every message and the draft with it (the draft is cut, so offsets before the cut hold), so the
 * adapters, the CLI and the eval read history the same way.
 *
 * Forms (public evidence in ../shared/fixtures/dom-notes.md §7):
 * - Outlook: a "From: … / Sent: … / To: … / Subject: …" header block (after an `<hr>` and
 *   `#divRplyFwdMsg` in HTML, which reads as those lines), or "-----Original Message-----";
 * - the "On <date>, <name> wrote:" line in common languages, possibly wrapped over lines;
 * - Zendesk's "##- Please type your reply above this line -##" delimiter (and its translations).
 */

/** "-----Original Message-----" and its common translations. */
const ORIGINAL_MESSAGE = /^[ \t]*-{2,}[ \t]*(original message|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht|mensagem original|originalmeddelande|oprindelig meddelelse|opprinnelig melding)[ \t]*-{2,}[ \t]*$/im;
/** Zendesk's reply delimiter: "##- … -##" on a line of its own (localized text between the marks). */
const ZENDESK_DELIMITER = /^[ \t]*##-[^\n]{1,200}-##[ \t]*$/m;
/** The first line of an Outlook header block, in English, German, French, Spanish, Italian, Dutch, Portuguese. */
const HEADER_FROM = /^[ \t]*\*?(from|von|de|da|van|från|fra)\*?[ \t]*:[ \t]*\S/i;
/** A later line of the same block: the sent date (or a plain Date:) proves it is a header. */
const HEADER_SENT = /^[ \t]*\*?(sent|date|gesendet|datum|envoyé|enviado|fecha|inviato|data|verzonden|skickat|sendt)\*?[ \t]*:[ \t]*\S/i;
/**
 * "On … wrote:" in English, German (Am … schrieb), French (Le … a écrit), Spanish (El … escribió),
 * Italian (Il … ha scritto), Dutch (Op … schreef), Portuguese (Em … escreveu), Swedish/Danish/
 * Norwegian (Den … skrev), Polish (W dniu … napisał(a)).
 */
const WROTE = /^[ \t]*(on|am|le|el|il|op|em|den|w dniu)\b[\s\S]{4,300}?(wrote|schrieb|a écrit|escribió|ha scritto|schreef|escreveu|skrev|napisał(a)?)(?!\p{L})[^\n:]{0,200}?(<[^>\n]*>)?[ \t]*:[ \t]*$/iu;

/** Offsets of each line start in `text`. */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** Offset where quoted history begins in `text`, or -1 when there is none. */
export function quotedHistoryStart(text: string): number {
  let best = -1;
  const earliest = (i: number): void => {
    if (i >= 0 && (best === -1 || i < best)) best = i;
  };
  earliest(text.search(ORIGINAL_MESSAGE));
  earliest(text.search(ZENDESK_DELIMITER));
  const starts = lineStarts(text);
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const at = starts[n]!;
    if (best !== -1 && at >= best) break;
    const line = lines[n]!;
    if (HEADER_FROM.test(line) && lines.slice(n + 1, n + 4).some((l) => HEADER_SENT.test(l))) {
      // Outlook draws a rule of underscores above the block in plain text; fold it too.
      const prev = n > 0 ? lines[n - 1]! : '';
      earliest(n > 0 && /^[ \t]*_{8,}[ \t]*$/.test(prev) ? starts[n - 1]! : at);
      break;
    }
    // The "wrote:" header may be wrapped by the client over up to three lines.
    if (/^[ \t]*(on|am|le|el|il|op|em|den|w dniu)\b/i.test(line)) {
      for (let k = 1; k <= 3 && n + k <= lines.length; k++) {
        const header = lines.slice(n, n + k).join(' ');
        // A real header names a date: a digit keeps "On Monday I wrote:" in the agent's own text.
        if (WROTE.test(header) && /\d/.test(header)) {
          earliest(at);
          break;
        }
      }
    }
  }
  return best;
}

/** `text` without its quoted history (trailing blank lines of the kept part removed). */
export function foldQuotedHistory(text: string): string {
  const at = quotedHistoryStart(text);
  return at === -1 ? text : text.slice(0, at).replace(/\s+$/, '');
}
