import type { Messages } from './catalogue';
import type { Locale } from './locales';

/**
 * The words of app/global-error.tsx, which renders outside the root layout and so outside
 * next-intl's provider: a copy of each catalogue's `errors.global`, small enough to ship with the
 * page (the catalogues are not). `global-error-messages.test.ts` checks it equals the catalogues.
 */
export const globalErrorMessages: Record<Locale, Messages['errors']['global']> = {
  en: {
    title: 'Quorate is having trouble',
    body: 'This page could not be shown. Nothing you submitted was half-saved: each change is written whole or not at all. Try again in a moment.',
    bodyDigest:
      'This page could not be shown. Nothing you submitted was half-saved: each change is written whole or not at all. Try again in a moment; if it keeps failing, tell your organization’s admin and quote reference <code>{digest}</code>.',
    retry: 'Try again',
    home: 'Home page',
  },
  fr: {
    title: 'Quorate rencontre un problème',
    body: 'Cette page n’a pas pu être affichée. Rien de ce que vous avez envoyé n’a été enregistré à moitié : chaque modification est écrite entièrement ou pas du tout. Réessayez dans un instant.',
    bodyDigest:
      'Cette page n’a pas pu être affichée. Rien de ce que vous avez envoyé n’a été enregistré à moitié : chaque modification est écrite entièrement ou pas du tout. Réessayez dans un instant ; si l’échec persiste, prévenez l’administrateur de votre organisation en citant la référence <code>{digest}</code>.',
    retry: 'Réessayer',
    home: 'Page d’accueil',
  },
  de: {
    title: 'Quorate hat ein Problem',
    body: 'Diese Seite konnte nicht angezeigt werden. Nichts, was Sie gesendet haben, wurde halb gespeichert: Jede Änderung wird ganz oder gar nicht geschrieben. Versuchen Sie es gleich noch einmal.',
    bodyDigest:
      'Diese Seite konnte nicht angezeigt werden. Nichts, was Sie gesendet haben, wurde halb gespeichert: Jede Änderung wird ganz oder gar nicht geschrieben. Versuchen Sie es gleich noch einmal; wenn es weiter fehlschlägt, wenden Sie sich an die Verwaltung Ihrer Organisation und nennen Sie die Referenz <code>{digest}</code>.',
    retry: 'Erneut versuchen',
    home: 'Startseite',
  },
};
