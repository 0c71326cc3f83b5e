/**
 * What an organization admin is told about a failed delivery, as a code and its facts: the kind of failure and the
 * SMTP status, never the server's host names, paths or credentials (those go to the operator's log only).
 *
 * The worker stores the English sentence (`englishDeliveryFailure`) in the outbox row's `last_error`; the delivery
 * page reads the code and the status back from it (`deliveryFailureOfStored`) and words them in the reader's language
 * (`settings.deliveryErrors.<code>`). A stored text that is not one of these sentences (written by an older version)
 * is shown as stored.
 *
 * Pure: no I/O, no framework.
 */

export const deliveryFailureCodes = ['refused', 'deferred', 'unreachable', 'credentials', 'address', 'folder', 'checkpoint', 'unknown'] as const;
export type DeliveryFailureCode = (typeof deliveryFailureCodes)[number];

/** A failure's code, and the SMTP status for those the mail server answered (`refused`, `deferred`). */
export type DeliveryFailure = { code: DeliveryFailureCode; status?: number };

/** The code of a send refused because the organization's checkpoint could not be read. */
export const CHECKPOINT_UNAVAILABLE = 'ECHECKPOINT';

/** The code and facts of a transport's (or the worker's) error. */
export function deliveryFailureOf(error: unknown): DeliveryFailure {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const status = typeof e.responseCode === 'number' && Number.isInteger(e.responseCode) ? e.responseCode : null;
  if (status !== null && status >= 500) return { code: 'refused', status };
  if (status !== null && status >= 400) return { code: 'deferred', status };
  switch (e.code) {
    case 'ECONNECTION':
    case 'ECONNREFUSED':
    case 'ETIMEDOUT':
    case 'ESOCKET':
    case 'EDNS':
    case 'ENOTFOUND':
      return { code: 'unreachable' };
    case 'EAUTH':
      return { code: 'credentials' };
    case 'EENVELOPE':
      return { code: 'address' };
    case 'EACCES':
    case 'EROFS':
    case 'ENOSPC':
      return { code: 'folder' };
    case CHECKPOINT_UNAVAILABLE:
      return { code: 'checkpoint' };
    default:
      return { code: 'unknown' };
  }
}

/** The English the worker stores (and the English page shows), word for word as before codes existed. */
export function englishDeliveryFailure(f: DeliveryFailure): string {
  switch (f.code) {
    case 'refused':
      return `The mail server refused the message permanently (SMTP ${f.status}).`;
    case 'deferred':
      return `The mail server deferred the message (SMTP ${f.status}); it will be tried again.`;
    case 'unreachable':
      return 'Could not reach the mail server.';
    case 'credentials':
      return 'The mail server did not accept our credentials.';
    case 'address':
      return 'The mail server refused the sender or recipient address.';
    case 'folder':
      return 'Could not write the message to the mail folder.';
    case 'checkpoint':
      return 'The decision log’s checkpoint, which every notice carries, could not be read: the notice was not sent without it.';
    case 'unknown':
      return 'Delivery failed; the server log has the details.';
  }
}

/**
 * The code and facts of a stored `last_error`: exactly one of the sentences `englishDeliveryFailure` writes (an SMTP
 * status being three digits), else null (a text another version stored: shown as stored).
 */
export function deliveryFailureOfStored(stored: string): DeliveryFailure | null {
  for (const code of deliveryFailureCodes) {
    if (code === 'refused' || code === 'deferred') {
      const status = /\(SMTP ([1-9]\d{2})\)/.exec(stored)?.[1];
      if (status === undefined) continue;
      const f = { code, status: Number(status) };
      if (englishDeliveryFailure(f) === stored) return f;
    } else if (englishDeliveryFailure({ code }) === stored) return { code };
  }
  return null;
}
