/** Test code only (the import boundaries keep the app from it): a notice's context for the mail templates' tests. */
import type { Locale } from '@/lib/i18n/locales';
import type { NotificationContext, NotificationPayload } from './templates';

type Options = { mandatory?: boolean; recipientName?: string | null; checkpoint?: NotificationContext['checkpoint'] };

/** Garden Group's notice of `kind` to Ana (by default) in `locale`, with an unsubscribe link unless it is mandatory. */
export function mailContext(
  locale: Locale | undefined,
  kind: NotificationContext['kind'],
  payload: NotificationPayload,
  options: Options = {},
): NotificationContext {
  const mandatory = options.mandatory ?? false;
  return {
    kind,
    payload,
    organizationName: 'Garden Group',
    appUrl: 'https://quorate.test',
    orgSlug: 'garden',
    recipientName: options.recipientName === undefined ? 'Ana' : options.recipientName,
    mandatory,
    unsubscribeUrl: mandatory ? null : 'https://quorate.test/unsubscribe?t=x',
    preferencesUrl: 'https://quorate.test/o/garden/settings/notifications',
    checkpoint: options.checkpoint ?? null,
    locale,
  };
}
