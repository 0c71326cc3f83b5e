import type en from './messages/en.json';
import type { formats } from './lib/i18n/formats';
import type { Locale } from './lib/i18n/locales';

// Message keys and named formats are checked by the compiler: a missing or misspelt key does not build.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
    Formats: typeof formats;
  }
}
