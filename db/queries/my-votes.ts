import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { rowsOf } from './prepared';

export type WaitingVote = {
  number: number;
  title: string;
  typeKey: string;
  bodyKey: string;
  closesAt: Date;
  /** A member-wide vote: the delegate named on the roll, and whether they have voted (one step down the chain). */
  delegate: { name: string; voted: boolean } | null;
};

/**
 * The open votes this person may cast and has not: member-wide stages whose roll they are on,
 * and seat stages of a body they hold a seat in. Oldest close first.
 */
export async function listWaitingForMyVote(db: Executor, orgId: string, userId: string, at: Date): Promise<WaitingVote[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select p.number, p.title, p.type_key, s.body_key, s.closes_at, r.delegate_user_id,
             coalesce(nullif(trim(u.name), ''), u.email) as delegate_name,
             (r.delegate_user_id is not null and exists (select 1 from votes dv where dv.proposal_id = p.id and dv.stage_index = s.stage_index
                and dv.is_current and dv.seat_id is null and dv.voter_user_id = r.delegate_user_id)) as delegate_voted
      from proposal_stages s
      join proposals p on p.id = s.proposal_id
      left join roll_entries r on r.proposal_id = s.proposal_id and r.stage_index = s.stage_index and r.user_id = ${userId}
      left join users u on u.id = r.delegate_user_id
      where p.org_id = ${orgId}::uuid and p.status = 'published' and s.closed_recorded_at is null
        -- a decision by consent takes objections, not ballots
        and not coalesce((select (t ->> 'consent')::boolean from charters c cross join jsonb_array_elements(c.document -> 'proposalTypes') t
                          where c.org_id = p.org_id and c.version = p.charter_version and t ->> 'key' = p.type_key limit 1), false)
        and s.opens_at <= ${at.toISOString()}::timestamptz and s.closes_at > ${at.toISOString()}::timestamptz
        and (
          (s.roll_hash is not null and r.user_id is not null
            and not exists (select 1 from votes v where v.proposal_id = p.id and v.stage_index = s.stage_index and v.is_current and v.seat_id is null and v.voter_user_id = ${userId}))
          or
          (s.roll_hash is null and exists (select 1 from seats t where t.org_id = p.org_id and t.body_key = s.body_key and t.holder_user_id = ${userId} and t.retired_at is null
            and not exists (select 1 from votes v where v.proposal_id = p.id and v.stage_index = s.stage_index and v.is_current and v.seat_id = t.id)
            and not exists (select 1 from recusals c where c.proposal_id = p.id and c.seat_id = t.id)))
        )
      order by s.closes_at, p.number`),
  );
  return rows.map((r) => ({
    number: Number(r.number),
    title: String(r.title),
    typeKey: String(r.type_key),
    bodyKey: String(r.body_key),
    closesAt: r.closes_at instanceof Date ? r.closes_at : new Date(String(r.closes_at)),
    delegate: r.delegate_user_id ? { name: String(r.delegate_name ?? 'A member'), voted: r.delegate_voted === true || r.delegate_voted === 't' } : null,
  }));
}

/** A member's active delegations, as they read them: to whom, and for what (every member-wide vote, a type, one proposal). */
export async function listMyDelegations(
  db: Executor,
  orgId: string,
  userId: string,
): Promise<{ delegateName: string; typeKey: string | null; proposalNumber: number | null }[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select coalesce(nullif(trim(u.name), ''), u.email) as delegate_name, d.type_key, p.number as proposal_number
      from delegations d join users u on u.id = d.delegate_user_id left join proposals p on p.id = d.proposal_id
      where d.org_id = ${orgId}::uuid and d.delegator_user_id = ${userId} and d.revoked_at is null
      order by d.proposal_id nulls first, d.type_key nulls first`),
  );
  return rows.map((r) => ({
    delegateName: String(r.delegate_name ?? 'A member'),
    typeKey: r.type_key === null ? null : String(r.type_key),
    proposalNumber: r.proposal_number === null ? null : Number(r.proposal_number),
  }));
}
