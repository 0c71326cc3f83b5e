import { z } from 'zod';
import { parseWitnessVerifierKey } from '@/lib/log/cosignature';

/** Adding a witness: its published verifier key, `name+hash+base64(0x04 ‖ Ed25519 key)`. */
export const addWitnessSchema = z.object({
  orgId: z.uuid('Unknown organization.'),
  verifierKey: z
    .string()
    .trim()
    .min(1, 'Paste the witness’s key.')
    .max(400, 'A witness key is at most a few hundred characters.')
    .refine(
      (v) => {
        try {
          parseWitnessVerifierKey(v);
          return true;
        } catch {
          return false;
        }
      },
      { message: 'This is not a witness key: expect name+8 hex digits+base64, as the witness script prints it.' },
    ),
});

export const removeWitnessSchema = z.object({
  orgId: z.uuid('Unknown organization.'),
  witnessId: z.uuid('Unknown witness.'),
});
