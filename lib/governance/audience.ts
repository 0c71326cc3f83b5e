/**
 * Who hears about a proposal: every seat holder of every deciding body (their copy is the
 * mandatory one) and, unless the type consults seat holders only, the members. The publication,
 * the decision notice and the emergency notices all ask this one function.
 */
import type { ProposalTypeSpec } from './types';

export type ProposalAudience = {
  /** Distinct holders of a seat in a body deciding one of the type's stages. */
  seatHolders: string[];
  /** The members consulted (empty when the type consults seat holders only). */
  members: string[];
  /** Everyone above, each once. */
  recipients: string[];
};

export function proposalAudience(
  type: Pick<ProposalTypeSpec, 'stages' | 'consultationAudience'>,
  seats: { bodyKey: string; holderUserId: string | null }[],
  memberIds: string[],
): ProposalAudience {
  const bodies = new Set(type.stages.map((s) => s.bodyKey));
  const seatHolders = [...new Set(seats.flatMap((s) => (bodies.has(s.bodyKey) && s.holderUserId ? [s.holderUserId] : [])))];
  const members = type.consultationAudience === 'seat_holders' ? [] : [...memberIds];
  return { seatHolders, members, recipients: [...new Set([...seatHolders, ...members])] };
}

/** Whether the type's consultation reaches the members at all (the caller need not load them otherwise). */
export function consultsMembers(type: Pick<ProposalTypeSpec, 'consultationAudience'>): boolean {
  return type.consultationAudience !== 'seat_holders';
}
