import { approval } from './approval';
import { irv } from './irv';
import { meekStv } from './meek-stv';
import { plurality } from './plurality';
import { scottishStv } from './scottish-stv';
import type { MethodKey, VoteMethod } from './types';
import { yesNo } from './yes-no';

const methods: { readonly [K in MethodKey]: VoteMethod } = {
  yes_no: yesNo,
  plurality,
  approval,
  irv,
  scottish_stv: scottishStv,
  meek_stv: meekStv,
};

/** The vote method a proposal type names. */
export function methodFor(key: MethodKey): VoteMethod {
  return methods[key];
}
