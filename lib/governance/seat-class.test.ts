import { describe, expect, it } from 'vitest';
import { classEligibility, defaultDeclaration } from './seat-class';

const declared = (seatClass: string, declaredByAppointee = true) => ({ seatClass, declaration: defaultDeclaration(seatClass), declaredByAppointee });

describe('classEligibility', () => {
  it('a general seat takes anyone', () => {
    expect(classEligibility({ seatClass: 'general', attestation: null, stakeholderGroup: null })).toEqual({ ok: true });
  });
  it('a class seat needs a declaration for that very class', () => {
    expect(classEligibility({ seatClass: 'independent', attestation: null, stakeholderGroup: null })).toMatchObject({
      ok: false,
      code: 'seat_class.declaration_missing',
      reason: 'This seat is reserved for the “independent” class: the appointment must carry the appointee’s declaration that they qualify.',
    });
    expect(classEligibility({ seatClass: 'independent', attestation: declared('employee_representative'), stakeholderGroup: null }).ok).toBe(false);
    expect(classEligibility({ seatClass: 'independent', attestation: { ...declared('independent'), declaration: '  ' }, stakeholderGroup: null }).ok).toBe(
      false,
    );
    expect(classEligibility({ seatClass: 'independent', attestation: declared('independent'), stakeholderGroup: null })).toEqual({ ok: true });
  });
  it('made by the appointee themself before it counts', () => {
    expect(classEligibility({ seatClass: 'independent', attestation: declared('independent', false), stakeholderGroup: null })).toMatchObject({
      ok: false,
      code: 'seat_class.declaration_pending',
    });
  });
  it('an employee representative recorded in another stakeholder group is refused', () => {
    expect(classEligibility({ seatClass: 'employee_representative', attestation: declared('employee_representative'), stakeholderGroup: 'community' }).ok).toBe(
      false,
    );
    expect(classEligibility({ seatClass: 'employee_representative', attestation: declared('employee_representative'), stakeholderGroup: 'employee' }).ok).toBe(
      true,
    );
  });
});
