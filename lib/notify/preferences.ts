import 'server-only';
import type { Executor } from '@/db/client';
import { getNotificationPrefs, setNotificationPrefs } from '@/db/queries/notify';
import { optionalKinds } from './kinds';
import type { NotificationModeValue, OptionalKind } from './kinds';
import type { UnsubscribeClaim } from './unsubscribe-token';

/** Every optional kind with its mode; no stored row means immediate. */
export async function preferencesFor(db: Executor, userId: string, orgId: string): Promise<Record<OptionalKind, NotificationModeValue>> {
  const stored = await getNotificationPrefs(db, userId, orgId);
  return Object.fromEntries(optionalKinds.map((k) => [k, stored[k] ?? 'immediate'])) as Record<OptionalKind, NotificationModeValue>;
}

export async function savePreferences(
  db: Executor,
  userId: string,
  orgId: string,
  modes: Partial<Record<OptionalKind, NotificationModeValue>>,
  at: Date,
): Promise<void> {
  await setNotificationPrefs(db, userId, orgId, modes as Record<string, NotificationModeValue>, at);
}

/** What a verified one-click unsubscribe does: that kind (or every optional kind) off. Idempotent. */
export async function applyUnsubscribe(db: Executor, claim: UnsubscribeClaim, at: Date): Promise<void> {
  const kinds = claim.kind === 'all' ? optionalKinds : [claim.kind];
  await savePreferences(db, claim.userId, claim.orgId, Object.fromEntries(kinds.map((k) => [k, 'off'])), at);
}
