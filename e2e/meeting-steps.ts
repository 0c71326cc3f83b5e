import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import * as e2e from './fixtures';

const { expect } = e2e;

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

/** The server's "now": the real time plus the offset the clock-moving specs have added (e2e.advanceClock). */
export async function serverNow(): Promise<number> {
  const file = path.join(process.env.E2E_DATA_DIR ?? '', 'test-clock-offset');
  return Date.now() + (Number((await readFile(file, 'utf8').catch(() => '0')).trim()) || 0);
}

/** A datetime-local value (UTC) `ms` from the server's now, on the minute. */
export async function startIn(ms: number): Promise<string> {
  return new Date(Math.ceil((await serverNow()) / 60_000) * 60_000 + ms).toISOString().slice(0, 16);
}

/** From the meetings page, schedules meeting `number` (`startsIn` ms from the server's now) and ends on its page. */
export async function scheduleMeeting(
  page: Page,
  slug: string,
  meeting: { number: number; title: string; startsIn: number; location: string; agenda: string },
): Promise<void> {
  await page.goto(`/o/${slug}/meetings`);
  await e2e.waitForHydration(page);
  const schedule = page.getByRole('form', { name: 'Schedule a meeting' });
  await schedule.getByLabel('Title').fill(meeting.title);
  await schedule.getByLabel('Starts (UTC)').fill(await startIn(meeting.startsIn));
  await schedule.getByLabel('Location or link').fill(meeting.location);
  await schedule.getByLabel('Agenda').fill(meeting.agenda);
  await schedule.getByRole('button', { name: 'Schedule and send the notice' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/meetings/${meeting.number}$`));
}

const statusWords = { present: 'Present', remote: 'Remote', absent: 'Absent' } as const;

/** On meeting `number`'s page, once it has started, records each seat holder's attendance and waits to see it. */
export async function recordAttendance(page: Page, slug: string, number: number, entries: [name: string, status: keyof typeof statusWords][]): Promise<void> {
  await page.goto(`/o/${slug}/meetings/${number}`);
  await e2e.reloadUntil(page, 'No attendance recorded yet.');
  await e2e.waitForHydration(page);
  const record = page.getByRole('form', { name: 'Record attendance' });
  for (const [name, status] of entries) {
    await record.getByLabel('Seat holder').selectOption({ label: name });
    await record.getByLabel('Attendance').selectOption(status);
    await record.getByRole('button', { name: 'Record attendance' }).click();
    await e2e.reloadUntil(page, `${name}: ${statusWords[status]}`);
    await e2e.waitForHydration(page);
  }
}
