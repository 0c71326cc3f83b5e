/**
 * What Quorate e-mails about. Pure data (no I/O): pages, templates and the outbox share it.
 *
 * Mandatory notices are the ones the charter relies on (docs/design.md §3.2 full notice, §3.8 right of
 * reply): a seat holder must not be able to say "I was never told". Everything else is optional.
 */
export const notificationKinds = [
  'proposal_published',
  'right_of_reply',
  'comment_window_closing',
  'voting_open',
  'vote_reminder',
  'decision',
  'vacancy_overdue',
  'ratification_reminder',
  'emergency_lapsed',
  'digest',
  'followed_activity',
  'founding_closed',
  'nomination',
  'ballot_receipt',
  'petition_threshold',
  'meeting_notice',
  'written_consent',
  'petition_update',
  'meeting_roll_call',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Kinds a person may set to immediate / daily digest / off. */
export const optionalKinds = [
  'proposal_published',
  'comment_window_closing',
  'voting_open',
  'vote_reminder',
  'decision',
  'vacancy_overdue',
  'followed_activity',
  'petition_update',
] as const;
export type OptionalKind = (typeof optionalKinds)[number];

export const notificationModes = ['immediate', 'digest', 'off'] as const;
export type NotificationModeValue = (typeof notificationModes)[number];

export function isOptionalKind(kind: string): kind is OptionalKind {
  return (optionalKinds as readonly string[]).includes(kind);
}

export const kindLabels: Record<NotificationKind, string> = {
  proposal_published: 'New proposals',
  right_of_reply: 'Right of reply',
  comment_window_closing: 'Comment window closing',
  voting_open: 'Voting open',
  vote_reminder: 'Vote reminders',
  decision: 'Decisions',
  vacancy_overdue: 'Vacancies past their deadline',
  ratification_reminder: 'Emergency decisions awaiting ratification',
  emergency_lapsed: 'Emergency decisions lapsed',
  digest: 'Daily digest',
  followed_activity: 'Proposals you follow',
  founding_closed: 'Founding appointments closed',
  nomination: 'Nominations for election',
  ballot_receipt: 'Receipts for your secret ballots',
  petition_threshold: 'Petitions your body must answer',
  meeting_notice: 'Notices of meetings of your body',
  written_consent: 'Written consents you must sign',
  petition_update: 'Petitions you opened or signed',
  meeting_roll_call: 'Roll-call votes of your body’s meetings',
};

export const kindDescriptions: Record<OptionalKind, string> = {
  proposal_published: 'When a proposal you may comment on is published (members; seat holders always get it).',
  comment_window_closing: 'When a comment window closes within 24 hours.',
  voting_open: 'When voting opens for a body you hold a seat in.',
  vote_reminder: 'When voting closes within 24 hours and you have not voted.',
  decision: 'When a proposal is decided, with the tally.',
  vacancy_overdue: 'When a seat stays vacant past the charter’s deadline.',
  followed_activity:
    'When a proposal you follow gets a comment or reply, a revision, opens for voting or is decided. Posting a comment makes you follow its proposal. While your objection to a decision by consent stands, you hear of its revisions too.',
  petition_update:
    'When a petition you opened or signed is answered, or its answering body misses the charter’s deadline (seat holders of that body always hear of a missed deadline).',
};

/** Why a mandatory notice cannot be turned off; shown on the preferences page and in the mail footer. */
export const mandatoryReasons = {
  proposal_published:
    'You hold a seat in a body that decides this proposal. The charter requires that every seat holder is notified of every proposal they decide (full notice), so this notice cannot be turned off.',
  right_of_reply: 'This proposal names you as its subject. The charter guarantees you a reply before voting opens, so this notice cannot be turned off.',
  founding_closed:
    'Founding appointments close once, when the first proposal is published, and every member is told that from then on seats are filled by proposal. This notice cannot be turned off.',
  nomination:
    'Someone nominated you for election to a seat. You become a candidate only if you accept, so you are always told; this notice cannot be turned off.',
  ballot_receipt:
    'You cast a secret ballot, and this receipt is the only way to find it among the published ballots. It is sent to you alone, whenever you cast or change a ballot; this notice cannot be turned off.',
  petition_threshold:
    'You hold a seat in the body a petition is addressed to, and it has reached the charter’s threshold: the body must answer it publicly by the deadline, so this notice cannot be turned off.',
  meeting_notice:
    'You hold a seat in the body that meets. The charter requires that every seat holder is given notice of every meeting (and of every change to it), so this notice cannot be turned off.',
  petition_update:
    'You hold a seat in the body a petition is addressed to, and the charter’s deadline for its public answer has passed without one. This notice cannot be turned off.',
  written_consent:
    'You hold a seat in a body deciding by unanimous written consent: it needs your signature, and you are told when it opens and when it is adopted, expires, lapses or is withdrawn. This notice cannot be turned off.',
  meeting_roll_call:
    'You hold a seat in the body that took this roll-call vote. Each seat holder may confirm or dispute the vote recorded for them, and every seat holder is told of a dispute and of a ratification, so this notice cannot be turned off.',
} as const;
