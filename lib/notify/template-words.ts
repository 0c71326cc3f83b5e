/** Words the notices share: an outcome as a sentence ends, and a time as e-mails state it (UTC). */
export const outcomeWords: Record<string, string> = { passed: 'passed', rejected: 'was rejected', failed_quorum: 'failed for lack of quorum' };

export function when(iso: string | undefined): string {
  if (!iso) return 'soon';
  return new Date(iso).toUTCString().replace(/:\d\d GMT$/, ' UTC');
}
