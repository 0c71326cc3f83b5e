import { outcomeWords, when } from './template-words';
import type { Lines, NotificationPayload } from './payload';

/** A proposal the recipient follows changed: one notice per comment, reply, revision or status change. */
export function followedLines(ref: string, p: NotificationPayload): Lines {
  const who = p.actorName || 'Someone';
  const action = 'Read it on the proposal page';
  switch (p.activity) {
    case 'reply':
      return { subject: `New reply on ${ref}`, lead: `${who} replied to a comment on ${ref}.`, detail: [], action };
    case 'subject_reply':
      return { subject: `The subject replied on ${ref}`, lead: `${who}, the subject of ${ref}, posted their reply.`, detail: [], action };
    case 'revision':
      return {
        subject: `${ref} was revised`,
        lead: `${who} revised ${ref}${p.revision ? ` (revision ${p.revision})` : ''}.`,
        // During a consent window: objections are not undone by a revision, and when the window now closes.
        detail: p.consent
          ? [
              'Objections raised before this revision still stand: only each objector can withdraw theirs.',
              ...(p.closesAt ? [`Objections close ${when(p.closesAt)}.`] : []),
            ]
          : [],
        action,
      };
    case 'voting_open':
      return {
        subject: `Voting opened on ${ref}`,
        lead: `Voting by the ${p.bodyName ?? 'deciding body'} on ${ref} is open.`,
        detail: [`Voting closes ${when(p.closesAt)}.`],
        action,
      };
    case 'decided':
      return { subject: `Decided: ${ref}`, lead: `${ref} ${outcomeWords[p.outcome ?? ''] ?? `ended: ${p.outcome}`}.`, detail: [], action };
    default:
      return { subject: `New comment on ${ref}`, lead: `${who} commented on ${ref}.`, detail: [], action };
  }
}
