import { describe, expect, it } from 'vitest';
import { describeDeliveryError } from './delivery';
import { deliveryFailureCodes, deliveryFailureOfStored, englishDeliveryFailure } from './delivery-failure';

describe('describeDeliveryError', () => {
  it('tells admins the kind of failure and the SMTP status', () => {
    expect(describeDeliveryError(Object.assign(new Error('550 5.1.1 <x@mail.internal>: user unknown'), { responseCode: 550 }))).toBe(
      'The mail server refused the message permanently (SMTP 550).',
    );
    expect(describeDeliveryError(Object.assign(new Error('451 try later'), { responseCode: 451 }))).toMatch(/deferred.*SMTP 451/);
    expect(describeDeliveryError(Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:587'), { code: 'ECONNREFUSED' }))).toBe(
      'Could not reach the mail server.',
    );
    expect(describeDeliveryError(Object.assign(new Error('Invalid login: 535 user smtp-admin'), { code: 'EAUTH' }))).toBe(
      'The mail server did not accept our credentials.',
    );
    expect(describeDeliveryError(Object.assign(new Error("EACCES: permission denied, open '/srv/quorate/mail/x.eml'"), { code: 'EACCES' }))).toBe(
      'Could not write the message to the mail folder.',
    );
  });

  it('never repeats the raw message: hosts, paths and user names stay in the server log', () => {
    for (const raw of ['connect ETIMEDOUT smtp.internal.example:25', "ENOENT: no such file or directory, open '/home/ops/mail'", 'weird', '']) {
      const said = describeDeliveryError(new Error(raw));
      expect(said).toBe('Delivery failed; the server log has the details.');
    }
    expect(describeDeliveryError('a string')).toBe('Delivery failed; the server log has the details.');
    expect(describeDeliveryError(null)).toBe('Delivery failed; the server log has the details.');
  });
});

describe('deliveryFailureOfStored', () => {
  it('reads back the code and status of every sentence the worker stores, and nothing else', () => {
    for (const code of deliveryFailureCodes) {
      const f = code === 'refused' ? { code, status: 554 } : code === 'deferred' ? { code, status: 421 } : { code };
      expect(deliveryFailureOfStored(englishDeliveryFailure(f))).toEqual(f);
    }
    expect(deliveryFailureOfStored('The mail server refused the message permanently (SMTP 550).')).toEqual({ code: 'refused', status: 550 });
    for (const other of ['', 'Could not reach the mail server', 'The mail server refused the message permanently (SMTP 55).', 'SMTP 550'])
      expect(deliveryFailureOfStored(other)).toBeNull();
  });
});
