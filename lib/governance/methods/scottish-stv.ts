import type { VoteMethod } from './types';

// Placeholder until the Scottish STV count lands; the registry imports `scottishStv` from this path.
const notImplemented = (): never => {
  throw new Error('not implemented');
};
export const scottishStv: VoteMethod = { key: 'scottish_stv', validate: notImplemented, tally: notImplemented };
