import { instantOf, reached } from './time';
import type { Instant } from './time';
import type { GateComment } from './types';

/**
 * The consultation gate (a proposal type with `answersRequired`): before voting can open, every
 * concern or objection raised during the comment window needs a public answer from the proposal's
 * author — a reply to it, not deleted. Pure: phase.ts asks it while the first stage has not opened
 * (once voting is open, nothing said later reopens the gate), the page to show what is unanswered.
 *
 * - A concern: a comment with stance `concern` or `object`, posted before the window closed (and
 *   by `now`), not deleted, by someone other than the author (the author cannot gate their own
 *   proposal).
 * - Its answer: a reply to it (parentId) by the author, posted by `now`, not deleted.
 * - `answeredAt`: when the last concern got its first answer — voting opens no earlier.
 * `now` is read only through reached() (time.ts), so phase.ts can learn when the answer would turn.
 */
export type GateStatus = { concerns: GateComment[]; unanswered: GateComment[]; answeredAt: Date | null };

export function consultationGate(c: { authorId: string; comments: readonly GateComment[] }, windowClosesAt: Date, now: Date | Instant): GateStatus {
  const instant = now instanceof Date ? instantOf(now) : now;
  const live = (x: GateComment) => x.deletedAt === null && reached(instant, x.createdAt);
  const concerns = c.comments.filter(
    // live() last: a comment that could never gate is not noted as a turn.
    (x) => (x.stance === 'concern' || x.stance === 'object') && x.createdAt.getTime() < windowClosesAt.getTime() && x.authorId !== c.authorId && live(x),
  );
  const firstAnswer = new Map<string, number>();
  for (const x of c.comments) {
    if (x.parentId === null || x.authorId !== c.authorId || !live(x)) continue;
    const at = x.createdAt.getTime();
    const prior = firstAnswer.get(x.parentId);
    if (prior === undefined || at < prior) firstAnswer.set(x.parentId, at);
  }
  const unanswered = concerns.filter((x) => !firstAnswer.has(x.id));
  const answered = concerns.map((x) => firstAnswer.get(x.id)).filter((at): at is number => at !== undefined);
  return {
    concerns,
    unanswered: [...unanswered].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    answeredAt: unanswered.length === 0 && answered.length > 0 ? new Date(Math.max(...answered)) : null,
  };
}
