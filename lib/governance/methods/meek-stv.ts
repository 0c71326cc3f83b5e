import type { VoteMethod } from './types';

// Placeholder until the Meek STV count lands; the registry imports it from this path.
export const meekStv: VoteMethod = {
  key: 'meek_stv',
  validate() {
    throw new Error('not implemented');
  },
  tally() {
    throw new Error('not implemented');
  },
};
