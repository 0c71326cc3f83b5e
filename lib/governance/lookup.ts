import type { BodySpec, Charter, ProposalTypeSpec } from './types';

/** The body with this key; throws if the charter has none (a caller bug, never a user error). */
export function findBody(c: Charter, key: string): BodySpec {
  const body = c.bodies.find((b) => b.key === key);
  if (!body) {
    throw new Error(`Charter version ${c.version} has no body "${key}" (its bodies: ${c.bodies.map((b) => b.key).join(', ') || 'none'}).`);
  }
  return body;
}

/** The proposal type with this key; throws if the charter has none. */
export function findType(c: Charter, key: string): ProposalTypeSpec {
  const type = c.proposalTypes.find((t) => t.key === key);
  if (!type) {
    throw new Error(`Charter version ${c.version} has no proposal type "${key}" (its types: ${c.proposalTypes.map((t) => t.key).join(', ') || 'none'}).`);
  }
  return type;
}
