// Not app code: the probe of the checks on actions' success lines and pages' titles (lib/i18n/no-hardcoded-english.test.ts).
const t = (key: string, values?: Record<string, string>) => key + JSON.stringify(values ?? {});
export const done = (removed: boolean) => ({ ok: true, message: removed ? 'Member removed.' : t('successLines.groupCleared') });
export const sent = (email: string) => ({ ok: true, message: `Invitation sent to ${email}.` });
export const fine = () => ({ ok: true, message: t('successLines.memberRemoved', { note: 'Not words a reader sees' }) });
export const metadata = { title: 'Development mailbox' };
export async function generateMetadata() {
  return { title: `Meeting #${String(1)}`, alternates: { types: { 'application/atom+xml': [{ url: '/feed', title: t('feed') }] } } };
}
const orgOperationAction = (op: string, message: unknown) => ({ op, message });
export const delegate = orgOperationAction('delegate', 'Delegation made.');
export const revoke = orgOperationAction('revoke', async () => (Math.random() > 2 ? t('delegations.revoked') : 'Revoked.'));
export const translated = orgOperationAction('translated', async () => t('delegations.made'));
