import type { Lines, NotificationPayload } from './payload';
import { when } from './template-words';

/** A written consent's notices: opened (sign it), then its ending, to every frozen signer. */
export function writtenConsentLines(p: NotificationPayload): Lines {
  const ref = `Written consent #${p.consentNumber ?? '?'}`;
  const body = p.bodyName ?? 'body';
  switch (p.consentEvent) {
    case 'opened':
      return {
        subject: `${ref} of the ${body} needs your signature: ${p.title ?? ''}`.trim(),
        lead: `${ref} “${p.title ?? ''}” asks every seat holder of the ${body} to sign a resolution in lieu of a meeting.`,
        detail: [
          `It takes effect only when every seat holder has signed, and expires ${when(p.expiresAt)} otherwise. You may sign, or revoke your signature until the last one is given.`,
        ],
        action: 'Read and sign',
      };
    case 'adopted':
      return {
        subject: `${ref} of the ${body} is adopted`,
        lead: `${ref} “${p.title ?? ''}” has every seat holder’s signature: it took effect at the last one.`,
        detail: ['The signatures are in the decision log; nothing can be revoked any more.'],
        action: 'See the consent',
      };
    default:
      return {
        subject: `${ref} of the ${body} ${p.consentEvent === 'withdrawn' ? 'was withdrawn' : p.consentEvent === 'lapsed' ? 'lapsed' : 'expired'}`,
        lead: `${ref} “${p.title ?? ''}” did not take effect: ${
          p.consentEvent === 'withdrawn'
            ? 'it was withdrawn.'
            : p.consentEvent === 'lapsed'
              ? 'a signer left the body before every signature was given.'
              : 'not every seat holder signed in time.'
        }`,
        detail: ['The question can still be decided in a meeting or by a proposal.'],
        action: 'See the consent',
      };
  }
}
