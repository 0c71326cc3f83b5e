// use-intl's core: no React, so the worker and scripts (react-server conditions, no createContext) can load it.
import { createTranslator } from 'use-intl/core';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import { formats } from './formats';
import type { Locale } from './locales';

/** The message catalogues (messages/*.json), by language. Every one has exactly en.json's keys (lib/i18n/catalogues.test.ts). */
export const catalogues: Record<Locale, typeof en> = { en, fr, de };

export type Messages = typeof en;

/**
 * The namespaces client components read on any page: only these travel to the browser with every page (the root
 * layout's provider), and of `account` only the name prompt the layout shows. Every page carries them twice (HTML and
 * the RSC payload), so a namespace one page's client components need goes in `pageNamespaces` instead.
 */
export const clientNamespaces = [
  'ballot',
  'copy',
  'countdown',
  'delegationForm',
  'errors',
  'flash',
  'form',
  'header',
  'localeForm',
  'markdown',
  'memberForms',
  'roles',
  'shownOnce',
  'signInForm',
] as const;

/** Namespaces only some pages' client components read: those pages add them (`PageMessages`, components/i18n/page-messages.tsx). */
export const pageNamespaces = [
  'account',
  'charterDiff',
  'choiceBallot',
  'logoForm',
  'newOrg',
  'newProposal',
  'settings',
  'templatePreview',
  'verify',
  'verifyWords',
] as const;
export type PageNamespace = (typeof pageNamespaces)[number];

export function clientMessages(locale: Locale) {
  const all = catalogues[locale];
  return {
    account: { prompt: all.account.prompt },
    ballot: all.ballot,
    copy: all.copy,
    countdown: all.countdown,
    delegationForm: all.delegationForm,
    errors: all.errors,
    flash: all.flash,
    form: all.form,
    header: all.header,
    localeForm: all.localeForm,
    markdown: all.markdown,
    memberForms: all.memberForms,
    roles: all.roles,
    shownOnce: all.shownOnce,
    signInForm: all.signInForm,
  };
}

/** The layout's client messages and, whole, the namespaces a page's own client components read. */
export function pageMessages(locale: Locale, namespaces: readonly PageNamespace[]) {
  const all = catalogues[locale];
  return { ...clientMessages(locale), ...Object.fromEntries(namespaces.map((n) => [n, all[n]])) };
}

/** A translator outside a request (e-mails, the worker): same catalogues, same formats, UTC. */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale], timeZone: 'UTC', formats });
}
