import type { ComponentProps } from 'react';
import type { ElectionSection } from '@/components/proposals/election-section';
import type { LoadedProposal, ProposalPageData } from '@/db/read/proposal-page';
import { findBody } from '@/lib/governance/charter';
import type { ElectionEffect } from '@/lib/governance/election';
import { nominationsOpen, ownOpenNomination, unopposedParts, unopposedSentence } from '@/lib/governance/election';
import { hasRole } from '@/lib/governance/roles';
import type { Role } from '@/lib/governance/roles';
import { defaultDeclaration, defaultDeclarationPart, isClassSeat } from '@/lib/governance/seat-class';
import type { Charter, Phase } from '@/lib/governance/types';

/** The election section's view of a seat-election proposal, for this viewer, at `at`: facts, which the section words in the reader's language. */
export function electionView(input: {
  data: ProposalPageData;
  loaded: LoadedProposal;
  charter: Charter;
  phase: Phase;
  ids: { orgId: string; proposalId: string };
  userId: string | null;
  role: Role | null;
  at: Date;
}): ComponentProps<typeof ElectionSection> {
  const { data, loaded, charter, phase, ids, userId, role } = input;
  const effect = loaded.row.effect as unknown as ElectionEffect;
  const type = charter.proposalTypes.find((t) => t.key === loaded.row.typeKey)!;
  const body = findBody(charter, effect.bodyKey);
  const vacantNow = data.seats.filter((s) => s.bodyKey === effect.bodyKey && s.seatClass === effect.seatClass && !s.holderUserId).length;
  const frozenSeats = effect.seatIds?.length;
  const count = frozenSeats ?? vacantNow;
  const open = nominationsOpen(phase);
  // A person without a name is null: the section says "A member" in the reader's language.
  const nameOf = (name: string | null) => name?.trim() || null;
  const live = new Map(data.nominations.map((n) => [n.nomineeUserId, n.status]));
  const onBody = new Set(data.seats.filter((s) => s.bodyKey === effect.bodyKey && s.holderUserId).map((s) => s.holderUserId));
  const mayNominate = open && hasRole(role, 'member');
  const nominees = mayNominate
    ? data.members
        .filter((m) => m.role !== 'observer' && !onBody.has(m.userId))
        // Open or accepted nominations are not made twice; someone who declined may stand again only themselves.
        .filter((m) => !live.has(m.userId) || (m.userId === userId && (live.get(m.userId) === 'declined' || live.get(m.userId) === 'withdrawn')))
        .map((m) => ({ value: m.userId, name: nameOf(m.name), self: m.userId === userId }))
    : [];
  const unopposed = data.logRows.find((e) => e.kind === 'election.unopposed');
  const payload = unopposed
    ? (JSON.parse(unopposed.entry) as { payload?: { statement?: unknown; candidates?: unknown; leftVacant?: unknown } }).payload
    : undefined;
  const statement = unopposed ? String(payload?.statement ?? '') : null;
  // The statement as parts, for the reader's language: only when the log's own facts give back its words exactly.
  const elected = Array.isArray(payload?.candidates) ? payload.candidates.map((c: { name?: unknown }) => c?.name) : null;
  const statementParts =
    statement &&
    elected?.every((n): n is string => typeof n === 'string') &&
    typeof payload?.leftVacant === 'number' &&
    unopposedSentence(elected, payload.leftVacant) === statement
      ? unopposedParts(elected, payload.leftVacant)
      : null;
  const seated =
    loaded.row.outcome === 'passed' && effect.seatIds
      ? effect.seatIds.map((id) => {
          const seat = data.seats.find((s) => s.seatId === id);
          return { position: seat?.position ?? 0, held: Boolean(seat?.holderUserId), holder: seat?.holderUserId ? nameOf(seat.holderName) : null };
        })
      : null;
  return {
    ids,
    seats: { count, frozen: frozenSeats !== undefined, seatClass: effect.seatClass, body: body.name },
    rule: type.election?.rule ?? null,
    openUntil: open && phase.kind === 'discussion' ? phase.closesAt : null,
    nominations: data.nominations.map((n) => ({
      id: n.id,
      nomineeName: nameOf(n.nomineeName),
      nominatorName: nameOf(n.nominatorName),
      self: n.nominatorUserId === n.nomineeUserId,
      status: n.status,
    })),
    nominees,
    mine: ownOpenNomination(phase, data.nominations, userId),
    declaration: isClassSeat(effect.seatClass) ? { text: defaultDeclaration(effect.seatClass), part: defaultDeclarationPart(effect.seatClass) } : null,
    candidates: effect.candidates ? [...loaded.row.options] : null,
    unopposed: statement,
    unopposedParts: statementParts,
    seated,
  };
}
