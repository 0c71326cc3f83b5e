/**
 * The body of a webhook delivery (Standard Webhooks' `{type, timestamp, data}`), made from the log
 * entry's canonical JSON — the exact text its hash covers and the public export carries — so a
 * delivery never says more than the public record: sealed ballots stay commitments until the
 * close discloses them, and no e-mail address or draft is ever in it. Pure.
 */
export type WebhookBody = {
  type: string;
  timestamp: string;
  data: {
    organization: { id: string; slug: string };
    seq: number;
    at: string;
    kind: string;
    subject: string | null;
    actorId: string | null;
    payload: Record<string, unknown>;
  };
};

export function webhookBody(orgSlug: string, canonicalEntry: string): WebhookBody {
  const e = JSON.parse(canonicalEntry) as {
    orgId: string;
    seq: number;
    at: string;
    actorId: string | null;
    kind: string;
    subject: string | null;
    payload: Record<string, unknown>;
  };
  return {
    type: e.kind,
    timestamp: e.at,
    data: { organization: { id: e.orgId, slug: orgSlug }, seq: e.seq, at: e.at, kind: e.kind, subject: e.subject, actorId: e.actorId, payload: e.payload },
  };
}
