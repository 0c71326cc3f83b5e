'use client';

import { useTranslations } from 'next-intl';
import type { DragEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import type { Move, RankingState, Step } from '@/lib/governance/ranking';
import { encodePreferences, moveDown, moveToSlot, moveUp, rank, startRanking, unrank } from '@/lib/governance/ranking';
import { RankedBallotFallback } from './ranked-ballot-fallback';

type Props = {
  /** The form field the ranking is posted under, as encoded preferences ("3,0,5"); see `readRankedBallot`. */
  name: string;
  /** Candidate names in ballot-paper order; a candidate's id is its index. */
  candidates: readonly string[];
  /** Whether a ballot may leave candidates unranked. */
  allowPartial: boolean;
  /** The voter's ranking so far (e.g. a ballot already cast); read once, when the ballot first renders. */
  initial?: readonly number[];
  disabled?: boolean;
};

type Control = 'up' | 'down' | 'remove' | 'add';
type Target = { id: number; control: Control };
/** Where a dragged candidate would land: the gap before that many ranked candidates, or back among the unranked. */
type DropSpot = number | 'unranked' | null;

const key = (t: Target) => `${t.control}-${t.id}`;
const button =
  'inline-flex min-h-11 min-w-11 items-center justify-center gap-1 rounded-lg border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-900 hover:bg-zinc-50 disabled:text-zinc-400 aria-disabled:text-zinc-400 aria-disabled:hover:bg-white';
const item = 'flex flex-wrap items-center gap-2 rounded-lg border bg-white p-2';

/**
 * A ranked ballot: candidates are added to "Your ranking" and moved with buttons (the keyboard's
 * way, and a phone's) or by drag and drop. Each move is announced, and focus stays on the control
 * that was used, or on the nearest sensible one when that control is gone. The form posts the
 * ranking from a hidden field; without JavaScript a rank field per candidate does the same.
 */
export function RankedBallot({ name, candidates, allowPartial, initial, disabled = false }: Props) {
  const t = useTranslations('choiceBallot');
  const [ranking, setRanking] = useState<RankingState>(() => startRanking(candidates.length, initial));
  const [said, setSaid] = useState({ text: '', n: 0 });
  const [dragging, setDragging] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<DropSpot>(null);
  const controls = useRef(new Map<string, HTMLButtonElement>());
  const focusNext = useRef<Target | null>(null);
  const baseId = useId();
  const hintId = `${baseId}-hint`;

  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target) controls.current.get(key(target))?.focus();
  }, [ranking]);

  const apply = (step: Step, focus: Target | null) => {
    const move = step.move;
    if (!move) return;
    // A move that changes nothing (the first choice moved up) leaves focus where it is.
    if (step.state !== ranking) focusNext.current = focus;
    setRanking(step.state);
    setSaid((s) => ({ text: spoken(move), n: s.n + 1 }));
  };

  // What a screen reader hears after a move, from the move's facts (lib/governance/ranking.ts `Move`).
  const spoken = (move: Move): string => {
    const who = candidates[move.id] ?? t('candidateN', { n: move.id + 1 });
    switch (move.kind) {
      case 'added':
        return t('saidAdded', { name: who, position: move.position });
      case 'removed':
        return t('saidRemoved', { name: who });
      case 'moved':
        return t('saidMoved', { name: who, position: move.position, of: move.of });
      case 'stayed':
        if (move.of > 1 && move.position === 1) return t('saidFirst', { name: who });
        if (move.of > 1 && move.position === move.of) return t('saidLast', { name: who });
        return t('saidStays', { name: who, position: move.position, of: move.of });
    }
  };

  const remember = (target: Target) => (el: HTMLButtonElement | null) => {
    if (el) controls.current.set(key(target), el);
    else controls.current.delete(key(target));
  };

  const { ranked, unranked } = ranking;
  // When a control disappears with its move, focus goes to the same control on the candidate that took its place.
  const onRemove = (id: number) => {
    const i = ranked.indexOf(id);
    const next = ranked[i + 1] ?? ranked[i - 1];
    apply(unrank(ranking, id), next === undefined ? { id, control: 'add' } : { id: next, control: 'remove' });
  };
  const onAdd = (id: number) => {
    const i = unranked.indexOf(id);
    const next = unranked[i + 1] ?? unranked[i - 1];
    apply(rank(ranking, id), next === undefined ? { id, control: 'up' } : { id: next, control: 'add' });
  };

  const dragProps = (id: number) =>
    disabled
      ? {}
      : {
          draggable: true,
          onDragStart: (e: DragEvent) => {
            e.dataTransfer.setData('text/plain', String(id));
            e.dataTransfer.effectAllowed = 'move';
            setDragging(id);
          },
          onDragEnd: () => {
            setDragging(null);
            setDropAt(null);
          },
        };
  // A ranked candidate's row is a drop target for the gap above it (its upper half) or below it (its lower half).
  const spotOf = (e: DragEvent<HTMLElement>): Exclude<DropSpot, null> => {
    const at = e.currentTarget.dataset.drop;
    if (at === 'unranked') return at;
    const box = e.currentTarget.getBoundingClientRect();
    return Number(at) + (e.currentTarget.tagName === 'LI' && e.clientY > box.top + box.height / 2 ? 1 : 0);
  };
  const onDragOver = (e: DragEvent<HTMLElement>) => {
    const at = spotOf(e);
    if (dragging === null || (at === 'unranked' && !ranked.includes(dragging))) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (dropAt !== at) setDropAt(at);
  };
  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    const at = spotOf(e);
    if (dragging !== null) apply(at === 'unranked' ? unrank(ranking, dragging) : moveToSlot(ranking, dragging, at), null);
    setDragging(null);
    setDropAt(null);
  };
  // The gap a drop would fill is drawn as a thick line on the row above or below it.
  const gapLine = (i: number) =>
    dropAt === i ? 'border-t-4 border-t-brand-600' : dropAt === i + 1 && i === ranked.length - 1 ? 'border-b-4 border-b-brand-600' : '';

  const hint = allowPartial ? t('hintPartial') : t('hintAll', { count: candidates.length });

  return (
    <div className="min-w-0 space-y-4">
      <input type="hidden" name={name} value={encodePreferences(ranked)} />
      <div className="space-y-4 noscript:hidden">
        <p id={hintId} className="text-xs text-zinc-600">
          {hint} {t('howTo')}
        </p>
        <div>
          <p id={`${baseId}-ranked`} className="text-sm font-medium text-zinc-900">
            {t('yourRanking')}
          </p>
          {ranked.length === 0 ? (
            <p
              data-drop={0}
              onDragOver={onDragOver}
              onDrop={onDrop}
              className={`mt-2 rounded-lg border-2 border-dashed p-3 text-sm text-zinc-600 ${dropAt === 0 ? 'border-brand-600' : 'border-zinc-300'}`}
            >
              {t('nobodyRanked')}
            </p>
          ) : (
            <ol aria-labelledby={`${baseId}-ranked`} aria-describedby={hintId} className="mt-2 space-y-2">
              {ranked.map((id, i) => {
                const candidate = candidates[id];
                const first = i === 0;
                const last = i === ranked.length - 1;
                return (
                  <li
                    key={id}
                    {...dragProps(id)}
                    data-drop={i}
                    onDragOver={onDragOver}
                    onDrop={onDrop}
                    className={`${item} border-zinc-300 ${gapLine(i)} ${dragging === id ? 'opacity-60' : ''}`}
                  >
                    <span className="flex min-w-0 flex-1 basis-40 items-baseline gap-2">
                      <span className="w-6 shrink-0 text-right text-sm font-semibold tabular-nums">{i + 1}.</span>
                      <span className="min-w-0 text-sm [overflow-wrap:anywhere]">{candidate}</span>
                    </span>
                    <span className="flex shrink-0 gap-1">
                      {(['up', 'down', 'remove'] as const).map((control) => (
                        <button
                          key={control}
                          type="button"
                          ref={remember({ id, control })}
                          aria-label={t(control === 'remove' ? 'removeName' : control === 'up' ? 'moveUp' : 'moveDown', { name: candidate ?? '' })}
                          aria-disabled={(control === 'up' ? first : control === 'down' && last) || undefined}
                          disabled={disabled}
                          onClick={() => (control === 'remove' ? onRemove(id) : apply((control === 'up' ? moveUp : moveDown)(ranking, id), { id, control }))}
                          className={button}
                        >
                          {control === 'remove' ? (
                            t('remove')
                          ) : (
                            <>
                              {control === 'up' ? <span aria-hidden="true">↑</span> : <span aria-hidden="true">↓</span>}{' '}
                              {control === 'up' ? t('up') : t('down')}
                            </>
                          )}
                        </button>
                      ))}
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
        </div>
        <div data-drop="unranked" onDragOver={onDragOver} onDrop={onDrop} className={`rounded-lg ${dropAt === 'unranked' ? 'ring-2 ring-brand-600' : ''}`}>
          <p id={`${baseId}-unranked`} className="text-sm font-medium text-zinc-900">
            {t('notRanked')}
          </p>
          {unranked.length === 0 ? <p className="mt-2 text-sm text-zinc-600">{t('allRanked')}</p> : null}
          <ul aria-labelledby={`${baseId}-unranked`} className="mt-2 space-y-2">
            {unranked.map((id) => (
              <li key={id} {...dragProps(id)} className={`${item} border-zinc-300 ${dragging === id ? 'opacity-60' : ''}`}>
                <span className="min-w-0 flex-1 basis-40 text-sm [overflow-wrap:anywhere]">{candidates[id]}</span>
                <button
                  type="button"
                  ref={remember({ id, control: 'add' })}
                  aria-label={t('addName', { name: candidates[id] ?? '' })}
                  disabled={disabled}
                  onClick={() => onAdd(id)}
                  className={button}
                >
                  {t('add')}
                </button>
              </li>
            ))}
          </ul>
        </div>
        <p role="status" aria-live="polite" className="sr-only">
          <span key={said.n}>{said.text}</span>
        </p>
      </div>
      <noscript>
        <RankedBallotFallback name={name} candidates={candidates} allowPartial={allowPartial} ranked={ranked} disabled={disabled} idPrefix={baseId} />
      </noscript>
    </div>
  );
}
