import type { ActionState } from '@/lib/actions/state';
import { initialActionState } from '@/lib/actions/state';
import type { StormOrg } from '@/scripts/support/storm-org';
import { form, signInAs } from './helpers';

type Action = (prev: ActionState, data: FormData) => Promise<ActionState>;

/** Signs in the storm organization's voter `i` (seat i + 1 of its board). */
export function signInVoter(org: StormOrg, i: number): void {
  const voter = org.voters[i]!;
  signInAs({ id: voter.userId, email: voter.email, name: `voter ${i}` });
}

/** Raising and withdrawing an objection as voter `i`, through the server actions the tests imported (after their mocks). */
export function objectionSteps(actions: { raiseObjectionAction: Action; withdrawObjectionAction: Action }) {
  return {
    raise: (org: StormOrg, i: number, reason: string) => {
      signInVoter(org, i);
      return actions.raiseObjectionAction(initialActionState, form({ orgId: org.orgId, proposalId: org.proposalId, reason }));
    },
    withdraw: (org: StormOrg, i: number) => {
      signInVoter(org, i);
      return actions.withdrawObjectionAction(initialActionState, form({ orgId: org.orgId, proposalId: org.proposalId }));
    },
  };
}
