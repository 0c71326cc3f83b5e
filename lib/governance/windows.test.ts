import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findType } from './charter';
import { T0, hoursAfter, nonprofit, published } from './test-fixtures';
import {
  discussionClosesAtOnPublish,
  earliestVotingAt,
  effectiveDiscussionClosesAt,
  extendForRevision,
  minimumDiscussionClosesAt,
  ratificationDeadline,
  ratifiedInTime,
  replyDeadline,
} from './windows';

const charter = nonprofit();
const resolution = findType(charter, 'resolution'); // 7 days, 24 h late-revision rule
const removal = findType(charter, 'officer_removal'); // 14 days, 72 h reply
const emergency = findType(charter, 'emergency_resolution'); // 7 days, 48 h in an emergency

describe('discussionClosesAtOnPublish', () => {
  it('is publication + the minimum comment window', () => {
    expect(discussionClosesAtOnPublish(resolution, T0, false)).toEqual(hoursAfter(T0, 168));
    expect(discussionClosesAtOnPublish(removal, T0, false)).toEqual(hoursAfter(T0, 336));
  });

  it('uses the emergency window only when an emergency motion was approved', () => {
    expect(discussionClosesAtOnPublish(emergency, T0, true)).toEqual(hoursAfter(T0, 48));
    expect(discussionClosesAtOnPublish(emergency, T0, false)).toEqual(hoursAfter(T0, 168));
  });

  it('refuses an emergency window for a type without an emergency procedure', () => {
    expect(() => discussionClosesAtOnPublish(removal, T0, true)).toThrow(/no emergency procedure/);
  });
});

describe('extendForRevision', () => {
  const close = hoursAfter(T0, 168);
  const revise = (hoursBeforeClose: number, substantive = true, votingOpenedAt: Date | null = null) =>
    extendForRevision({ discussionClosesAt: close, revisedAt: hoursAfter(close, -hoursBeforeClose), substantive, type: resolution, votingOpenedAt });

  it('a substantive revision in the last 24 h gives 24 h from the revision', () => {
    expect(revise(2)).toEqual(hoursAfter(close, 22));
    expect(revise(24)).toEqual(close); // exactly 24 h before: the extension lands on the close itself
  });

  it('a late revision whose extension ends before the close changes nothing (never earlier)', () => {
    const shortExtension = { ...resolution, lateRevisionExtensionHours: 6 };
    expect(extendForRevision({ discussionClosesAt: close, revisedAt: hoursAfter(close, -12), substantive: true, type: shortExtension })).toEqual(close);
  });

  it('an early revision changes nothing', () => {
    expect(revise(25)).toEqual(close);
    expect(revise(100)).toEqual(close);
  });

  it('a non-substantive (typo) revision changes nothing', () => {
    expect(revise(1, false)).toEqual(close);
  });

  it('a substantive revision after the close but before voting opened reopens the window', () => {
    expect(revise(-5)).toEqual(hoursAfter(close, 29));
  });

  it('a revision after voting opened extends nothing', () => {
    expect(revise(-5, true, hoursAfter(close, 1))).toEqual(close);
  });

  it('never returns an earlier date (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000, max: 10_000 }),
        fc.boolean(),
        fc.option(fc.integer({ min: -10_000, max: 10_000 }), { nil: null }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 200 }),
        (offset, substantive, opened, lateWindow, extension) => {
          const type = { ...resolution, lateRevisionWindowHours: lateWindow, lateRevisionExtensionHours: extension };
          const out = extendForRevision({
            discussionClosesAt: close,
            revisedAt: hoursAfter(close, offset / 10),
            substantive,
            type,
            votingOpenedAt: opened === null ? null : hoursAfter(close, opened / 10),
          });
          expect(out.getTime()).toBeGreaterThanOrEqual(close.getTime());
          // And never beyond what the rule grants.
          expect(out.getTime()).toBeLessThanOrEqual(Math.max(close.getTime(), hoursAfter(close, offset / 10 + extension).getTime()));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('effective comment window', () => {
  it('a stored close earlier than the minimum is ignored: the window cannot be shortened', () => {
    const record = published(charter, 'resolution', { discussionClosesAt: hoursAfter(T0, 1) });
    expect(effectiveDiscussionClosesAt(record, resolution)).toEqual(hoursAfter(T0, 168));
  });

  it('a stored close later than the minimum (late revision) is kept', () => {
    const record = published(charter, 'resolution', { discussionClosesAt: hoursAfter(T0, 190) });
    expect(effectiveDiscussionClosesAt(record, resolution)).toEqual(hoursAfter(T0, 190));
  });

  it('the emergency minimum applies only with an approved motion, and never before the motion', () => {
    const record = published(charter, 'emergency_resolution', { discussionClosesAt: hoursAfter(T0, 48), emergencyApprovedAt: T0 });
    expect(minimumDiscussionClosesAt(record, emergency)).toEqual(hoursAfter(T0, 48));
    expect(minimumDiscussionClosesAt({ ...record, emergencyApprovedAt: hoursAfter(T0, 60) }, emergency)).toEqual(hoursAfter(T0, 60));
    expect(effectiveDiscussionClosesAt({ ...record, emergencyApprovedAt: null }, emergency)).toEqual(hoursAfter(T0, 168));
  });

  it('is null before publication', () => {
    expect(effectiveDiscussionClosesAt(published(charter, 'resolution', { publishedAt: null, status: 'draft' }), resolution)).toBeNull();
  });
});

describe('earliestVotingAt (right of reply, docs/design.md §3.8)', () => {
  const close = hoursAfter(T0, 336);

  it('without a subject: the comment window’s close', () => {
    expect(earliestVotingAt(published(charter, 'resolution'), resolution)).toEqual(hoursAfter(T0, 168));
  });

  it('the subject has not replied: waits until close + reply window', () => {
    const record = published(charter, 'officer_removal');
    expect(replyDeadline(record, removal)).toEqual(hoursAfter(close, 72));
    expect(earliestVotingAt(record, removal)).toEqual(hoursAfter(close, 72));
  });

  it('the subject replied after the close: voting may open at the reply', () => {
    expect(earliestVotingAt(published(charter, 'officer_removal', { replyPostedAt: hoursAfter(close, 10) }), removal)).toEqual(hoursAfter(close, 10));
  });

  it('the subject replied during discussion: never before the comment window closes', () => {
    expect(earliestVotingAt(published(charter, 'officer_removal', { replyPostedAt: hoursAfter(T0, 5) }), removal)).toEqual(close);
  });

  it('a reply timestamp after the deadline does not delay the vote', () => {
    expect(earliestVotingAt(published(charter, 'officer_removal', { replyPostedAt: hoursAfter(close, 500) }), removal)).toEqual(hoursAfter(close, 72));
  });

  it('is null for a draft', () => {
    expect(earliestVotingAt(published(charter, 'resolution', { status: 'draft', publishedAt: null }), resolution)).toBeNull();
  });
});

describe('ratification', () => {
  it('deadline is passedAt + ratifyWithinDays; a ratification at the deadline is in time', () => {
    const deadline = ratificationDeadline(T0, emergency.emergency!);
    expect(deadline).toEqual(hoursAfter(T0, 30 * 24));
    expect(ratifiedInTime(deadline, deadline, deadline)).toBe(true);
    expect(ratifiedInTime(hoursAfter(deadline, 1), deadline, hoursAfter(deadline, 2))).toBe(false);
    expect(ratifiedInTime(null, deadline, deadline)).toBe(false);
    // Not yet recorded at `now`.
    expect(ratifiedInTime(hoursAfter(T0, 5), deadline, T0)).toBe(false);
  });
});
