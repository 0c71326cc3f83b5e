import { describe, expect, it } from 'vitest';
import { proposalItemOf, proposalItemText } from './proposal-item';

describe('proposalItemOf', () => {
  it('reads back the number and title of what proposalItemText stored, checked against the stored reference', () => {
    const text = proposalItemText(4, 'A garden rota: who, when');
    expect(text).toBe('Proposal #4: A garden rota: who, when');
    expect(proposalItemOf(text, 4)).toEqual({ number: 4, title: 'A garden rota: who, when' });
    // A notice queued before it carried the reference: the pattern alone.
    expect(proposalItemOf(text)).toEqual({ number: 4, title: 'A garden rota: who, when' });
  });

  it('leaves what the organization typed as given: no reference, another number, or other words', () => {
    expect(proposalItemOf('Proposal #4: A garden rota', null)).toBeNull();
    expect(proposalItemOf('Proposal #4: A garden rota', 5)).toBeNull();
    for (const typed of ['The budget', 'Proposal 4: x', 'Proposal #04: x', 'proposal #4: x', ' Proposal #4: x']) expect(proposalItemOf(typed)).toBeNull();
  });
});
