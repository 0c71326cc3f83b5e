import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical';
import type { Charter } from '@/lib/governance/types';

/** The hash a charter version is logged and stored under: SHA-256 of its canonical JSON, hex. */
export function charterHash(charter: Charter): string {
  return createHash('sha256').update(canonicalJson(charter)).digest('hex');
}
