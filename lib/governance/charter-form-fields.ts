/** The charter editor's field names: `ch.b{i}.…` for bodies, `ch.t{k}.…` for proposal types, `ch.t{k}.s{n}.…` for their stages. */
export const bodyField = (i: number, f: 'name' | 'seats' | 'critical' | 'vacancyDays' | 'removed') => `ch.b${i}.${f}`;
export const classField = (i: number, j: number, f: 'key' | 'min') => `ch.b${i}.c${j}.${f}`;
export const typeField = (k: number, f: 'name' | 'comment' | 'reply' | 'answers' | 'removed' | 'decide' | 'method' | 'winners' | 'approvals' | 'rule') =>
  `ch.t${k}.${f}`;
export const stageField = (k: number, n: number, f: 'voting' | 'qn' | 'qd' | 'qi' | 'tn' | 'td' | 'ti' | 'base' | 'body') => `ch.t${k}.s${n}.${f}`;
/** Where an error about a whole body or type goes (beside its section). */
export const bodySection = (i: number) => `ch.b${i}`;
export const typeSection = (k: number) => `ch.t${k}`;
