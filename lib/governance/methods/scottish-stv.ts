import type { VoteMethod } from './types';

// Placeholder until the Scottish STV count lands; the registry imports it from this path.
export const scottishStv: VoteMethod = {
  key: 'scottish_stv',
  validate() {
    throw new Error('not implemented');
  },
  tally() {
    throw new Error('not implemented');
  },
};
