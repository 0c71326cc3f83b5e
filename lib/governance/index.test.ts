import { describe, expect, it } from 'vitest';
import * as governance from './index';

describe('index: the exported names are a contract', () => {
  it.each([
    'validateCharter',
    'findBody',
    'findType',
    'charterTemplates',
    'charterFromTemplate',
    'bodyStrength',
    'discussionClosesAtOnPublish',
    'extendForRevision',
    'earliestVotingAt',
    'proposalPhase',
    'phaseLabel',
    'stageOutcomes',
    'canOpenVoting',
    'votingWindow',
    'canCastBallot',
    'canRecuse',
    'tallyStage',
    'meetsRatio',
    'allowedProposalActions',
    'checkEmergencyMotion',
    'emergencyStatus',
    'applyCharterAmendment',
    'seatChangeAllowed',
    'organizationHealth',
    'hasRole',
    'checkRoleChange',
  ])('exports %s as a function or record', (name) => {
    expect(governance).toHaveProperty(name);
    expect(['function', 'object']).toContain(typeof (governance as Record<string, unknown>)[name]);
  });
});
