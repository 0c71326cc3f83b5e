/**
 * Which invariants are enforced (a violation fails the sequence, and fast-check shrinks it) and
 * which are only observed (violations counted with the first trace, for the report) — the latter
 * for defects being fixed elsewhere, until their fixes are merged.
 */
import { invariants, takeSnapshot } from './invariants';
import type { Model, Real } from './model';

export type Observation = { count: number; first: string; trace: string[] };

export const enforcement = {
  /** Invariant names whose violations are recorded, not thrown. */
  observeOnly: new Set<string>(),
  observed: new Map<string, Observation>(),
  /** Time spent checking invariants (ms), for the figures. */
  checkMs: 0,
  /** Per command: how many calls were accepted and refused (printed, to see that sequences get somewhere). */
  outcomes: new Map<string, { ok: number; refused: number }>(),
};

export class InvariantBroken extends Error {
  constructor(
    readonly invariant: string,
    violations: string[],
    trace: string[],
  ) {
    super(
      `Invariant ${invariant} broken after step ${trace.length}:\n  - ${violations.slice(0, 8).join('\n  - ')}\nSteps:\n  ${trace.map((t, i) => `${i + 1}. ${t}`).join('\n  ')}`,
    );
    this.name = 'InvariantBroken';
  }
}

export function report(m: Model, invariant: string, violations: string[]): void {
  if (violations.length === 0) return;
  if (!enforcement.observeOnly.has(invariant)) throw new InvariantBroken(invariant, violations, m.trace);
  const seen = enforcement.observed.get(invariant);
  if (seen) seen.count++;
  else enforcement.observed.set(invariant, { count: 1, first: violations[0]!, trace: [...m.trace] });
}

export async function checkInvariants(m: Model, r: Real): Promise<void> {
  const started = performance.now();
  const snapshot = await takeSnapshot(m, r);
  for (const inv of invariants) report(m, inv.name, await inv.check(snapshot));
  enforcement.checkMs += performance.now() - started;
}
