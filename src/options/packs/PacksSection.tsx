/**
 * Rule packs on the options page (issue 4): the active packs (core first) with name, version,
 * source and rule count; import from a file or an https URL; enable, disable, reorder and remove
 * packs; turn single rules off; see why a pack was refused, by JSON path; update a URL pack now.
 *
 * A view: it asks the worker for the packs as the worker layers them (`options/packs-view`, the
 * verdicts of the same `layerPacks` the engine is built with) whenever the stored packs or the
 * policy change, and sends every change to the worker as an `options/…` intent. The page
 * bundles no engine: validating a pack is the worker's job. Host access for a pack URL is asked
 * for here, for that origin only, from the agent's click.
 */
import { useEffect, useState } from 'preact/hooks';
import { MAX_PACK_BYTES } from '../../engine/limits.ts';
import browser from '../../shared/browser.ts';
import { followChanges } from '../../shared/follow.ts';
import { MAX_PACK_FILE_NAME_CHARS } from '../../shared/limits.ts';
import type { MessageOf, PackReply, PackSummary, PacksView } from '../../shared/messages.ts';
import type { PackStatus, PackUpdate } from '../../shared/packs-store.ts';
import { request, type PageRequestKind } from '../../shared/request.ts';

/** Must equal PACKS_KEY in packs-store.ts (not imported: that module brings the engine). */
const PACKS_KEY = 'packs';

type PackIntent = Exclude<Extract<PageRequestKind, `options/${string}`>, 'options/packs-view' | 'options/site-add' | 'options/site-remove' | 'options/save-settings'>;

async function send(message: MessageOf<PackIntent>): Promise<PackReply> {
  return (await request(message)) ?? { ok: false, message: 'Cooldown did not answer; reload this page.', problems: [] };
}

const STATUS_TEXT: Record<PackStatus, string> = {
  active: 'active',
  disabled: 'off',
  invalid: 'refused',
  pending: 'not downloaded yet',
};

/** `seq` counts answers, so a test (or a screen reader's live region) can tell a new answer from the last. */
function Notice({ reply, seq }: { reply: PackReply | null; seq: number }) {
  if (!reply) return null;
  return (
    <div data-testid="pack-notice" data-ok={String(reply.ok)} data-seq={seq} role={reply.ok ? 'status' : 'alert'}>
      <p>{reply.message}</p>
      <Problems problems={reply.problems} />
    </div>
  );
}

function Problems({ problems }: { problems: PackReply['problems'] }) {
  if (!problems.length) return null;
  return (
    <ul class="pack-problems">
      {problems.map((p, i) => (
        <li key={i} data-testid="pack-problem" data-path={p.path}>
          <code>{p.path || '(pack)'}</code>: {p.message}{p.hint ? <> <small>({p.hint})</small></> : null}
        </li>
      ))}
    </ul>
  );
}

interface RulesProps {
  pack: PackSummary;
  disabled: ReadonlySet<string>;
  policyDisabled: ReadonlySet<string>;
  locked: boolean;
  onToggle(ruleId: string, off: boolean): void;
}

function Rules({ pack, disabled, policyDisabled, locked, onToggle }: RulesProps) {
  return (
    <details>
      <summary>Rules</summary>
      <ul class="pack-rules">
        {pack.rules.map((r) => {
          const byPolicy = policyDisabled.has(r.id);
          return (
            <li key={r.id}>
              <label class="check">
                <input
                  type="checkbox" data-testid="rule-toggle" data-rule={r.id}
                  checked={!disabled.has(r.id) && !byPolicy} disabled={byPolicy || locked}
                  onChange={(e) => onToggle(r.id, !(e.target as HTMLInputElement).checked)}
                />{' '}
                <code>{r.id}</code> <small>({r.kind}{byPolicy ? ', off by your administrator' : locked ? ', required by your administrator' : ''})</small>
              </label>
            </li>
          );
        })}
      </ul>
    </details>
  );
}

export function PacksSection() {
  const [view, setView] = useState<PacksView | null>(null);
  const [answer, setAnswer] = useState<{ reply: PackReply | null; seq: number }>({ reply: null, seq: 0 });
  const setReply = (reply: PackReply): void => setAnswer((a) => ({ reply, seq: a.seq + 1 }));
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // Replies can cross: only the latest request's view is shown.
    let latest = 0;
    const load = (): void => {
      const n = ++latest;
      void request({ kind: 'options/packs-view' }).then((v) => {
        if (v && n === latest) setView(v);
      });
    };
    // Now, and again whenever the stored packs or any policy value changes.
    return followChanges({ local: [PACKS_KEY], managed: '*' }, load);
  }, []);

  const disabled = new Set(view?.disabledRules ?? []);
  const policyDisabled = new Set(view?.policyDisabled ?? []);

  const run = async (message: MessageOf<PackIntent>): Promise<void> => {
    setBusy(true);
    try {
      setReply(await send(message));
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (e: Event): Promise<void> => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_PACK_BYTES) {
      setReply({ ok: false, message: `${file.name} is ${file.size.toLocaleString('en')} bytes; a pack is at most ${MAX_PACK_BYTES.toLocaleString('en')}.`, problems: [] });
      return;
    }
    const text = await file.text();
    if (!text) {
      setReply({ ok: false, message: `${file.name} is empty.`, problems: [] });
      return;
    }
    await run({ kind: 'options/import-text', text, name: file.name.slice(0, MAX_PACK_FILE_NAME_CHARS) });
  };

  const onUrl = (e: Event): void => {
    e.preventDefault();
    let target: URL;
    try {
      target = new URL(url.trim());
    } catch {
      setReply({ ok: false, message: 'Enter the pack\'s full address, starting with https://', problems: [] });
      return;
    }
    if (target.protocol !== 'https:') {
      setReply({ ok: false, message: 'Only https:// addresses can be used for packs.', problems: [] });
      return;
    }
    // Asked synchronously from the click (a user gesture), for this origin only.
    const asked = browser.permissions.request({ origins: [`${target.origin}/*`] });
    void asked.then(async (granted) => {
      if (!granted) {
        setReply({ ok: false, message: `Cooldown needs your permission to download packs from ${target.origin}.`, problems: [] });
        return;
      }
      await run({ kind: 'options/import-url', url: target.href });
      setUrl('');
    }, (err: Error) => setReply({ ok: false, message: err.message, problems: [] }));
  };

  const toggleRule = (ruleId: string, off: boolean): void => void run({ kind: 'options/set-rule-disabled', ruleId, disabled: off });

  return (
    <section class="card" data-testid="packs" aria-labelledby="packs-heading" aria-busy={busy}>
      <h2 id="packs-heading">Rule packs</h2>
      <p>Packs add your team's wording on top of the built-in playbook. Later packs win over earlier ones; packs set by your administrator come last.</p>
      {view?.problem === 'newer' && <p role="alert">These packs were saved by a newer Cooldown; update Cooldown to use them.</p>}
      {view && view.policyProblems.length > 0 && <p role="alert">Your administrator's pack policy has problems: {view.policyProblems.join('; ')}.</p>}
      <ol class="pack-list" data-testid="pack-list">
        {view && (
          <li data-testid="pack" data-key="core" data-pack-id={view.core.id} data-status="active">
            <strong>{view.core.name}</strong> {view.core.version} <small>built in · {view.core.rules.length} rules · active</small>
            <Rules pack={view.core} disabled={disabled} policyDisabled={policyDisabled} locked={false} onToggle={toggleRule} />
          </li>
        )}
        {view?.entries.map((e, i, all) => {
          const { entry } = e;
          const own = !e.managed;
          const ownKeys = all.filter((x) => !x.managed).map((x) => x.entry.key);
          const at = ownKeys.indexOf(entry.key);
          const hasUrl = entry.source.kind !== 'file' && !!entry.source.url;
          return (
            <li key={entry.key} data-testid="pack" data-key={entry.key} data-pack-id={e.pack?.id ?? ''} data-status={e.status}>
              <strong>{e.pack?.name ?? entry.key}</strong> {e.pack?.version ?? ''}{' '}
              <small>
                {e.managed ? <span data-testid="managed">managed by your administrator</span> : null}
                {e.managed ? ' · ' : ''}{e.source}
                {e.pack ? ` · ${e.pack.rules.length} rules` : ''} · <span data-testid="pack-status">{STATUS_TEXT[e.status]}</span>
              </small>
              <div class="pack-actions">
                <label class="check">
                  <input
                    type="checkbox" data-testid="pack-enabled" checked={entry.enabled || e.locked} disabled={busy || e.locked}
                    onChange={(ev) => void run({ kind: 'options/set-pack-enabled', key: entry.key, enabled: (ev.target as HTMLInputElement).checked })}
                  /> Enabled
                </label>
                {own && <button type="button" disabled={busy || at <= 0} onClick={() => void run({ kind: 'options/move-pack', key: entry.key, delta: -1 })} aria-label={`Move ${e.pack?.name ?? entry.key} up`}>↑</button>}
                {own && <button type="button" disabled={busy || at >= ownKeys.length - 1} onClick={() => void run({ kind: 'options/move-pack', key: entry.key, delta: 1 })} aria-label={`Move ${e.pack?.name ?? entry.key} down`}>↓</button>}
                {hasUrl && <button type="button" data-testid="pack-update" disabled={busy} onClick={() => void run({ kind: 'options/update-pack', key: entry.key })}>Update now</button>}
                {own && <button type="button" data-testid="pack-remove" disabled={busy} onClick={() => void run({ kind: 'options/remove-pack', key: entry.key })}>Remove</button>}
              </div>
              {entry.source.kind !== 'file' && entry.source.fetchedAt ? <small>Checked {new Date(entry.source.fetchedAt).toLocaleString()}</small> : null}
              {entry.update && <UpdateSummary update={entry.update} />}
              {entry.error && (
                <div data-testid="pack-error" role="alert">
                  <p>Last update failed: {entry.error.message}</p>
                  <Problems problems={entry.error.problems} />
                </div>
              )}
              {e.status === 'invalid' && <div data-testid="pack-error" role="alert"><p>This pack is refused and not in use:</p><Problems problems={e.problems} /></div>}
              {e.pack && <Rules pack={e.pack} disabled={disabled} policyDisabled={policyDisabled} locked={e.locked} onToggle={toggleRule} />}
            </li>
          );
        })}
      </ol>
      <h3>Add a pack</h3>
      <label class="field">
        From a file{' '}
        <input type="file" accept=".json,application/json" data-testid="pack-file" disabled={busy} onChange={(e) => void onFile(e)} />
      </label>
      <form onSubmit={onUrl} class="field">
        <label>
          From an address{' '}
          <input type="url" data-testid="pack-url" value={url} placeholder="https://example.com/team-pack.json" onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
        </label>{' '}
        <button type="submit" data-testid="pack-url-import" disabled={busy}>Import</button>
      </form>
      <p><small>Packs from an address are checked for updates every 6 hours. Cooldown downloads only the pack addresses you or your administrator set here.</small></p>
      <Notice reply={answer.reply} seq={answer.seq} />
    </section>
  );
}

/**
 * What the last update of a URL pack changed: its host can change insertable texts or turn
 * rules off at any update, so the agent sees it here rather than not at all (issue 14, L5).
 */
function UpdateSummary({ update }: { update: PackUpdate }) {
  const list = (label: string, ids: string[], testid: string) => (ids.length ? <li data-testid={testid}>{label}: {ids.map((id, i) => <span key={id}>{i ? ', ' : ''}<code>{id}</code></span>)}</li> : null);
  return (
    <div data-testid="pack-update-summary" class="pack-update">
      <p>Last update {update.from === update.to ? `(still ${update.to})` : `${update.from} → ${update.to}`}, {new Date(update.at).toLocaleString()}:</p>
      <ul>
        {list('rules added', update.added, 'pack-update-added')}
        {list('rules removed', update.removed, 'pack-update-removed')}
        {list('rules changed (wording, replacements or matching)', update.changed, 'pack-update-changed')}
        {list('now turns off', update.disabled, 'pack-update-disabled')}
        {!update.added.length && !update.removed.length && !update.changed.length && !update.disabled.length && <li>no rule changed</li>}
      </ul>
    </div>
  );
}
