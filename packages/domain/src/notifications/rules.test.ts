import { describe, expect, it } from 'vitest';
import { MessageStatus, NOTIFICATION_RULE_CODES, checkDelivery, dueDeadlineReminder } from './rules.ts';

const now = new Date('2027-01-10T08:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

describe('Function: checkDelivery', () => {
  it('allows a pending, unclaimed message to a deliverable address', () => {
    expect(checkDelivery({ status: MessageStatus.PENDING, suppressed: false, now }).ok).toBe(true);
  });

  it('refuses a message already delivered', () => {
    const verdict = checkDelivery({ status: MessageStatus.DELIVERED, suppressed: false, now });
    expect(verdict.ok ? undefined : verdict.code).toBe('message_delivered');
  });

  it('refuses a message claimed a minute ago by another delivery', () => {
    const verdict = checkDelivery({
      status: MessageStatus.PENDING,
      claimedAt: minutesAgo(1),
      suppressed: false,
      now,
    });
    expect(verdict.ok ? undefined : verdict.code).toBe('message_claimed');
  });

  it('allows a message whose claim is stale (a crashed delivery)', () => {
    const verdict = checkDelivery({
      status: MessageStatus.PENDING,
      claimedAt: minutesAgo(11),
      suppressed: false,
      now,
    });
    expect(verdict.ok).toBe(true);
  });

  it('refuses an address on the suppression list, with a code of the closed list', () => {
    const verdict = checkDelivery({ status: MessageStatus.PENDING, suppressed: true, now });
    expect(verdict.ok ? undefined : NOTIFICATION_RULE_CODES.includes(verdict.code) && verdict.code).toBe(
      'recipient_suppressed',
    );
  });
});

describe('Function: dueDeadlineReminder', () => {
  const today = '2027-01-10';

  it('is the 6-month reminder on the day the deadline is 6 months away', () => {
    expect(dueDeadlineReminder({ status: 'in_training', deadline: '2027-07-10', today, sent: [] })).toBe(6);
  });

  it('is still the 6-month reminder a few days late (the sweep missed a day)', () => {
    expect(dueDeadlineReminder({ status: 'in_training', deadline: '2027-07-05', today, sent: [] })).toBe(6);
  });

  it('is nothing once past the grace days (never "6 months left" when 5 are)', () => {
    expect(
      dueDeadlineReminder({ status: 'in_training', deadline: '2027-06-20', today, sent: [] }),
    ).toBeUndefined();
  });

  it('is nothing when that reminder was already sent', () => {
    expect(
      dueDeadlineReminder({ status: 'in_training', deadline: '2027-07-10', today, sent: [6] }),
    ).toBeUndefined();
  });

  it('is the 1-month reminder a month before', () => {
    expect(
      dueDeadlineReminder({ status: 'final_evaluation', deadline: '2027-02-10', today, sent: [6] }),
    ).toBe(1);
  });

  it('is nothing for a dossier that cannot expire', () => {
    expect(
      dueDeadlineReminder({ status: 'certified', deadline: '2027-02-10', today, sent: [] }),
    ).toBeUndefined();
  });

  it('is nothing once the deadline has passed', () => {
    expect(
      dueDeadlineReminder({ status: 'in_training', deadline: '2027-01-09', today, sent: [] }),
    ).toBeUndefined();
  });
});
