'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { LabelledField } from '@/components/ui/labelled-field';
import { FormMessage } from '@/components/ui/form-message';
import { OrganizationLogo } from '@/components/organizations/organization-logo';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/actions/state';
import { removeOrganizationLogoAction, setOrganizationLogoAction } from './actions';
import { logoTooLarge } from './logo-too-large';

const accepted = 'image/png,image/jpeg,image/webp';

/**
 * Upload or remove the logo. The server judges the image by its bytes; here a file over the limit is
 * refused before it is sent (in the server's words, in the page's language: `logoForm`), since a body over the server's 1 MB bound for
 * actions would be cut off before any check could answer in plain words.
 */
export function LogoForm({ orgId, slug, logoSha256 }: { orgId: string; slug: string; logoSha256: string | null }) {
  const t = useTranslations('settings');
  const words = useTranslations('logoForm');
  const locale = useLocale();
  const [uploaded, upload] = useActionState(setOrganizationLogoAction, initialActionState);
  const [removed, remove] = useActionState(removeOrganizationLogoAction, initialActionState);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  // One answer at a time: the form used last speaks (the remove button goes once the logo is gone).
  const [last, setLast] = useState<'upload' | 'remove'>('upload');
  const answer = tooLarge ? { ok: false, message: tooLarge, fieldErrors: { logo: [tooLarge] } } : last === 'remove' ? removed : uploaded;
  const errors = answer.fieldErrors?.logo;
  return (
    <section aria-labelledby="logo-title" className="space-y-4 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
      <h2 id="logo-title" className="text-lg font-semibold text-zinc-900">
        {t('logo')}
      </h2>
      <div className="flex items-center gap-4">
        {logoSha256 ? <OrganizationLogo slug={slug} sha256={logoSha256} size={64} /> : null}
        <p className="text-sm text-zinc-600">{logoSha256 ? t('logoShown') : t('logoNone')}</p>
      </div>
      <form
        action={upload}
        className="space-y-3"
        aria-label={t('uploadLabel')}
        onSubmit={(event) => {
          setLast('upload');
          const file = (event.currentTarget.elements.namedItem('logo') as HTMLInputElement | null)?.files?.[0];
          const refusal = file ? logoTooLarge(locale, (key, values) => words(key, values), file.size) : null;
          if (refusal) event.preventDefault();
          setTooLarge(refusal);
        }}
      >
        <input type="hidden" name="orgId" value={orgId} />
        <LabelledField id="logo-file" label={t('logoFile')} hint={t('logoHint')} errors={errors} required>
          {({ invalid, describedBy }) => (
            <input
              id="logo-file"
              name="logo"
              type="file"
              accept={accepted}
              required
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onChange={() => setTooLarge(null)}
              className="mt-1 block w-full text-sm text-zinc-700 file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-zinc-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium"
            />
          )}
        </LabelledField>
        <FormMessage state={answer} />
        <SubmitButton pendingLabel={t('uploading')}>{logoSha256 ? t('replaceLogo') : t('uploadLogo')}</SubmitButton>
      </form>
      {logoSha256 ? (
        <form action={remove} aria-label={t('removeLogo')} onSubmit={() => setLast('remove')}>
          <input type="hidden" name="orgId" value={orgId} />
          <SubmitButton variant="secondary" pendingLabel={t('removing')}>
            {t('removeLogo')}
          </SubmitButton>
        </form>
      ) : null}
    </section>
  );
}
