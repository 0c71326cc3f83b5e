// Not app code: the hard-coded-English check's own probe (lib/i18n/no-hardcoded-english.test.ts).
export function Probe({ following, t }: { following: boolean; t: (key: string) => string }) {
  return (
    <div className="mt-2 text-sm" title={t('title')}>
      <p>Hello there</p>
      <button aria-label="Close the menu">{t('close')}</button>
      <span>{following ? 'Follow' : 'Unfollow'}</span>
      <code>npm run tally</code>
    </div>
  );
}
