import type { VoteMethod } from './types';

// Placeholder until the Meek STV count lands; the registry imports `meekStv` from this path.
const notImplemented = (): never => {
  throw new Error('not implemented');
};
export const meekStv: VoteMethod = { key: 'meek_stv', validate: notImplemented, tally: notImplemented };
