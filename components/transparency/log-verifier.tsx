'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { LabelledSection } from '@/components/ui/labelled-section';
import { checkpointNoteSize, parseSeenState, rememberCheckpoints } from '@/lib/log/seen-checkpoints';
import type { SeenState } from '@/lib/log/seen-checkpoints';
import { verifyLog } from '@/lib/log/verify';
import type { VerifyReport } from '@/lib/log/verify';
import { loadLogExport } from '@/lib/transparency/log-export';
import { ballotSummaryWords, wordedStatuses } from '@/lib/transparency/log-text';
import { useLogText } from './log-text';

type Source = { label: string };
type State =
  | { step: 'idle' }
  | { step: 'loading'; source: Source }
  | { step: 'verifying'; source: Source; done: number; total: number }
  | { step: 'done'; source: Source; report: VerifyReport; keyUsed: string | null; keyMismatch: string | null; checkpointCount: number; rememberedCount: number }
  | { step: 'error'; source: Source | null; message: string };

const maxProblemsShown = 25;
/** A `<code>` for a rich message's tag. */
function code(className: string) {
  return function Code(chunks: React.ReactNode) {
    return <code className={className}>{chunks}</code>;
  };
}

// Checkpoints this browser saw on earlier checks of a published log, per origin. A log rewritten
// and re-signed since then no longer gives their roots, which the verifier reports.
const seenKey = (origin: string) => `quorate:seen-checkpoints:${origin}`;

function readSeen(origin: string): SeenState | null {
  try {
    const raw = window.localStorage.getItem(seenKey(origin));
    return raw === null ? null : parseSeenState(JSON.parse(raw));
  } catch {
    return null; // storage disabled or corrupt: check without history
  }
}

function writeSeen(state: SeenState): void {
  try {
    window.localStorage.setItem(seenKey(state.origin), JSON.stringify(state));
  } catch {
    // Storage full or disabled: the check itself stands; only the memory is lost.
  }
}

/**
 * Checks the decision log in the browser with the same verifier as the CLI (lib/log/verify,
 * pure-JS SHA-256): the hash chain, the Merkle root and every signed checkpoint. Nothing is sent
 * anywhere; the export is fetched from this server or read from a file the reader chooses.
 * For the published log, the newest checkpoint of each intact check is remembered in this
 * browser's localStorage and checked against the entries on later checks.
 *
 * Its words are translated (`verify`), and so is what the checks report (`verifyWords`): each problem's kind and
 * message (lib/log/verify gives them as data, lib/log/words), an unreadable export's reason and the ballots' summary.
 * What the browser itself says of a failed read, and the English a checkpoint's signature check gives inside its
 * problem, stay as they come (docs/i18n.md).
 */
export function LogVerifier({ exportUrl, orgName }: { exportUrl: string; orgName: string }) {
  const t = useTranslations('verify');
  const w = useTranslations('verifyWords');
  const locale = useLocale();
  const say = useLogText();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [pinnedKey, setPinnedKey] = useState('');
  const verdictRef = useRef<HTMLHeadingElement>(null);
  const busy = state.step === 'loading' || state.step === 'verifying';

  async function run(source: Source, read: () => Promise<string>, remember = false) {
    setState({ step: 'loading', source });
    let text: string;
    try {
      text = await read();
    } catch (error) {
      setState({ step: 'error', source, message: error instanceof Error ? error.message : String(error) });
      return;
    }
    const loaded = loadLogExport(text, pinnedKey);
    if (!loaded.ok) {
      setState({ step: 'error', source, message: say(loaded.errorText) });
      return;
    }
    const total = loaded.value.input.entries.length;
    setState({ step: 'verifying', source, done: 0, total });
    const { origin } = loaded.value.input;
    const { keyUsed } = loaded.value;
    const seen = remember && origin !== undefined ? readSeen(origin) : null;
    const keyChanged = seen !== null && keyUsed !== null && seen.verifierKey !== keyUsed;
    const remembered = seen && !keyChanged ? seen.checkpoints : [];
    const exported = loaded.value.input.checkpoints ?? [];
    const input = { ...loaded.value.input, checkpoints: [...exported, ...remembered.map((c) => ({ note: c.note }))] };
    // Report progress about a hundred times, however long the log.
    const yieldEvery = Math.max(64, Math.floor(total / 100));
    const report = await verifyLog(input, (done, all) => setState({ step: 'verifying', source, done, total: all }), { yieldEvery });
    if (keyChanged) {
      report.problems.unshift({
        seq: null,
        kind: 'bad_checkpoint_signature',
        message: t('keyChanged', { before: seen.verifierKey, now: keyUsed ?? '' }),
      });
      report.ok = false;
    }
    if (report.ok && remember && origin !== undefined && keyUsed !== null) {
      const newest = exported.at(-1);
      const size = newest ? checkpointNoteSize(newest.note) : null;
      if (newest && size !== null)
        writeSeen(rememberCheckpoints(seen, origin, keyUsed, [{ size, note: newest.note, source: 'browser' }], new Date().toISOString()));
    }
    setState({
      step: 'done',
      source,
      report,
      keyUsed,
      keyMismatch: loaded.value.keyMismatch,
      checkpointCount: loaded.value.checkpointCount,
      rememberedCount: remembered.length,
    });
  }

  // Once there is an answer, move focus to it, so keyboard and screen-reader users land on the
  // verdict (the button they pressed was disabled meanwhile, which drops focus to the page).
  const finished = state.step === 'done' || state.step === 'error';
  useEffect(() => {
    if (finished) verdictRef.current?.focus();
  }, [finished]);

  function verifyPublished() {
    void run(
      { label: t('sourcePublished', { org: orgName }) },
      async () => {
        const response = await fetch(exportUrl, { cache: 'no-store', headers: { Accept: 'application/json' } });
        if (!response.ok) throw new Error(response.status === 404 ? t('notAvailable') : serverAnswered(response));
        return response.text();
      },
      true,
    );
  }

  /** English keeps the server's own status text, as before; French and German word the usual statuses. */
  function serverAnswered({ status, statusText }: Response): string {
    if (locale === 'en') return t('serverAnswered', { status: String(status), statusText });
    if (!wordedStatuses.has(status)) return w('download.serverAnswered', { status: String(status) });
    return t('serverAnswered', { status: String(status), statusText: w(`download.s${status}` as 'download.s500') });
  }

  function verifyFile(file: File) {
    void run({ label: t('sourceFile', { name: file.name }) }, () => file.text());
  }

  return (
    <div className="space-y-6">
      <LabelledSection
        id="verify-controls"
        title={t('checkHeading')}
        className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
        headingClassName="text-lg font-semibold"
      >
        <div className="mt-4 space-y-5">
          <div>
            <button
              type="button"
              onClick={verifyPublished}
              disabled={busy}
              className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-800 disabled:cursor-not-allowed disabled:opacity-60"
            >
              {busy ? t('verifying') : t('verifyPublished')}
            </button>
            <p className="mt-2 text-sm text-zinc-600">{t.rich('downloads', { url: exportUrl, code: code('break-all text-xs') })}</p>
          </div>
          <div>
            <label htmlFor="export-file" className="block text-sm font-medium text-zinc-900">
              {t('fileLabel')}
            </label>
            <input
              id="export-file"
              type="file"
              accept="application/json,.json"
              disabled={busy}
              aria-describedby="export-file-hint"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) verifyFile(file);
                e.currentTarget.value = '';
              }}
              className="mt-1 block w-full text-sm text-zinc-700 file:mr-3 file:rounded-lg file:border file:border-zinc-400 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-zinc-900 hover:file:bg-zinc-50"
            />
            <p id="export-file-hint" className="mt-1 text-xs text-zinc-600">
              {t.rich('fileHint', { code: code('') })}
            </p>
          </div>
          <div>
            <label htmlFor="pinned-key" className="block text-sm font-medium text-zinc-900">
              {t('keyLabel')} <span className="font-normal text-zinc-600">{t('optional')}</span>
            </label>
            <input
              id="pinned-key"
              type="text"
              value={pinnedKey}
              onChange={(e) => setPinnedKey(e.currentTarget.value)}
              spellCheck={false}
              autoComplete="off"
              aria-describedby="pinned-key-hint"
              className="mt-1 block w-full rounded-lg border border-zinc-400 px-3 py-2 font-mono text-xs"
            />
            <p id="pinned-key-hint" className="mt-1 text-xs text-zinc-600">
              {t('keyHint')}
            </p>
          </div>
        </div>
      </LabelledSection>

      <LabelledSection id="verify-result" title={t('result')} className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm" headingClassName="sr-only">
        {state.step === 'verifying' || state.step === 'loading' || state.step === 'done' ? <Progress state={state} /> : null}
        <div aria-live="polite" aria-atomic="true">
          {state.step === 'idle' ? <p className="text-sm text-zinc-600">{t('idle')}</p> : null}
          {state.step === 'error' ? (
            <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
              <h3 ref={verdictRef} tabIndex={-1} className="font-semibold">
                {t('couldNot', { source: state.source?.label ?? t('theLog') })}
              </h3>
              <p className="mt-1">{state.message}</p>
            </div>
          ) : null}
          {state.step === 'done' ? <Verdict state={state} headingRef={verdictRef} /> : null}
        </div>
      </LabelledSection>
    </div>
  );
}

function Progress({ state }: { state: Extract<State, { step: 'loading' | 'verifying' | 'done' }> }) {
  const t = useTranslations('verify');
  const total = state.step === 'verifying' ? state.total : state.step === 'done' ? state.report.entriesChecked : null;
  const done = state.step === 'verifying' ? state.done : total;
  const label =
    state.step === 'loading'
      ? t('reading', { source: state.source.label })
      : state.step === 'verifying'
        ? t('checking', { done: state.done, total: state.total })
        : t('checked', { count: state.report.entriesChecked });
  return (
    <div className="mb-4">
      <p id="verify-progress-label" className="text-sm text-zinc-700">
        {label}
      </p>
      <div
        role="progressbar"
        aria-labelledby="verify-progress-label"
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={done ?? undefined}
        className="mt-2 h-3 overflow-hidden rounded-full bg-zinc-200"
      >
        <div
          className={`h-full bg-brand-700 transition-[width] ${total === null ? 'w-1/4 animate-pulse' : ''}`}
          style={total !== null && done !== null ? { width: `${total === 0 ? 100 : Math.round((done / total) * 100)}%` } : undefined}
        />
      </div>
    </div>
  );
}

function Verdict({ state, headingRef }: { state: Extract<State, { step: 'done' }>; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  const t = useTranslations('verify');
  const w = useTranslations('verifyWords');
  const say = useLogText();
  const { report, source, keyUsed, keyMismatch, checkpointCount, rememberedCount } = state;
  if (report.ok) {
    return (
      <div className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-950" data-verdict="intact">
        <h3 ref={headingRef} tabIndex={-1} className="text-lg font-bold">
          {t('intact')}
        </h3>
        <p className="mt-1">{t('intactBody', { count: report.entriesChecked, source: source.label })}</p>
        <dl className="mt-3 grid gap-x-3 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t('merkleRoot')}</dt>
          <dd className="break-all font-mono text-xs leading-5">{report.root || '—'}</dd>
          {report.ballots && report.ballots.ballotsOpened + report.ballots.stillSealed + report.ballots.secretCounted > 0 ? (
            <>
              <dt className="font-medium">{t('ballots')}</dt>
              <dd>{ballotSummaryWords(report.ballots, w)}</dd>
            </>
          ) : null}
          <dt className="font-medium">{t('checkpoints')}</dt>
          <dd>
            {checkpointCount === 0
              ? t('noCheckpoints')
              : t.rich('checkpointsVerified', { count: checkpointCount, key: keyUsed ?? '', code: code('break-all text-xs') })}
          </dd>
        </dl>
        {keyMismatch ? <p className="mt-3 font-medium">{t('keyMismatchChecked', { key: keyMismatch })}</p> : null}
        {rememberedCount > 0 ? <p className="mt-3">{t('rememberedIntact', { count: rememberedCount })}</p> : null}
      </div>
    );
  }
  const shown = report.problems.slice(0, maxProblemsShown);
  return (
    <div className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-950" data-verdict="tampered">
      <h3 ref={headingRef} tabIndex={-1} className="text-lg font-bold">
        {t('tampered')}
      </h3>
      <p className="mt-1">
        {report.firstBadSeq !== null ? <>{t.rich('firstBad', { seq: String(report.firstBadSeq), strong: (chunks) => <strong>{chunks}</strong> })} </> : null}
        {t('problems', { count: report.problems.length, source: source.label, checked: report.entriesChecked })}
      </p>
      <ul className="mt-2 list-inside list-disc space-y-1">
        {shown.map((p, i) => (
          <li key={i}>
            <span className="font-semibold">
              {p.seq !== null ? `#${p.seq} ` : ''}
              {w('kindLabel', { kind: w(`kinds.${p.kind}`) })}
            </span>{' '}
            <span className="break-words">{p.text ? say(p.text) : p.message}</span>
          </li>
        ))}
      </ul>
      {report.problems.length > shown.length ? <p className="mt-2">{t('more', { count: report.problems.length - shown.length })}</p> : null}
      {keyMismatch ? <p className="mt-3 font-medium">{t('keyMismatchGiven', { key: keyMismatch })}</p> : null}
      {rememberedCount > 0 ? <p className="mt-3">{t('rememberedBroken', { count: rememberedCount })}</p> : null}
    </div>
  );
}
