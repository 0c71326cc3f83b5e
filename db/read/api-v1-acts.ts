import 'server-only';
import { loadDelegationsToMe } from '@/db/read/delegations-page';
import { scopeWords } from '@/lib/governance/delegation-scope';

/**
 * The /api/v1 reads of the acts added in 1.4.0 (delegations to the caller, a seat election's
 * nominations, petitions), each from the read model its page uses: the API shows what the page
 * shows that person, no more.
 */

/**
 * Who delegates their vote to `userId`, as "Delegated to you" on the delegations page lists them:
 * in the general scope directly or through others (`direct: false`), then those who delegate
 * directly for one proposal type or one proposal. Names only, as the page shows them.
 */
export async function loadApiDelegationsToMe(orgId: string, userId: string) {
  const { toMeGeneral, toMeOther } = await loadDelegationsToMe(orgId, userId);
  return {
    // The caller's own vote and every general delegator's, at most (the page's "counts for N people").
    carries: 1 + toMeGeneral.length,
    delegators: [
      ...toMeGeneral.map((d) => ({
        name: d.name,
        scope: 'general' as const,
        direct: d.direct,
        scopeWords: scopeWords({ typeName: null, proposalNumber: null }),
        typeKey: null,
        proposalNumber: null,
      })),
      ...toMeOther.map((d) => ({
        name: d.name,
        scope: d.proposalNumber !== null ? ('proposal' as const) : ('type' as const),
        direct: true,
        scopeWords: d.scope,
        typeKey: d.typeKey,
        proposalNumber: d.proposalNumber,
      })),
    ],
  };
}
