import { z } from 'zod';

/** A tree size or seq in a query string: plain decimal digits, no sign, within safe integers. */
export const treeIndex = (name: string) =>
  z
    .string({ error: `${name} is required` })
    .regex(/^(0|[1-9][0-9]{0,14})$/, `${name} must be a whole number`)
    .transform(Number);
