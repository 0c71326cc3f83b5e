import { getTranslations } from 'next-intl/server';
import { readFlash } from '@/lib/actions/flash';
import { FlashMessage, FlashRegionMarker } from './flash-message';

/**
 * Where a successful action's message is shown when its form may be gone: the message comes
 * from the short-lived cookie the action set (lib/actions/flash.ts), rendered on the server so
 * it is there with or without JavaScript; the browser drops the cookie once it is shown. The
 * close button is named in the reader's language (`flash.dismiss`).
 */
export async function FlashRegion() {
  const flash = await readFlash();
  const t = await getTranslations('flash');
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-4 bottom-4 z-50 flex justify-center sm:inset-x-auto sm:right-6">
      <FlashRegionMarker />
      {flash ? <FlashMessage key={flash.id} message={flash.message} dismissLabel={t('dismiss')} /> : null}
    </div>
  );
}
