import { describe, expect, it } from 'vitest';
import { namePromptDue, namePromptQuietDays } from './name-prompt';

const T0 = new Date('2026-03-02T09:00:00Z');
const later = (days: number, ms = 0) => new Date(T0.getTime() + days * 24 * 60 * 60 * 1000 + ms);

describe('namePromptDue', () => {
  it('asks a person without a name who never skipped', () => {
    expect(namePromptDue({ name: null, skippedAt: null }, T0)).toBe(true);
  });

  it('never asks a person who has a name, skipped or not', () => {
    expect(namePromptDue({ name: 'Ana Ruiz', skippedAt: null }, T0)).toBe(false);
    expect(namePromptDue({ name: 'Ana Ruiz', skippedAt: T0 }, later(30))).toBe(false);
  });

  it('stays quiet for the days after a skip, and asks again once they have passed', () => {
    expect(namePromptDue({ name: null, skippedAt: T0 }, T0)).toBe(false);
    expect(namePromptDue({ name: null, skippedAt: T0 }, later(namePromptQuietDays, -1))).toBe(false);
    expect(namePromptDue({ name: null, skippedAt: T0 }, later(namePromptQuietDays))).toBe(true);
  });
});
