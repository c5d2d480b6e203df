// Shared helpers of the onboarding screens: bilingual labels, automatic checks, dates.
import { useTranslation } from 'react-i18next';

import type { AutoCheck } from '../../bindings/AutoCheck';
import { formatDate, today } from '../../lib/dates';
import { isIsoDate } from '../../lib/ledger';
import type { FieldProblem } from '../../lib/validation';

export const AUTO_CHECKS: AutoCheck[] = [
  'manual',
  'application',
  'assessment',
  'agreement_signed',
  'first_invoice',
  'training',
];

type Bilingual = { label_zh: string; label_en: string };

/** Whether the interface is in Chinese. */
export function useIsZh(): boolean {
  const { i18n } = useTranslation();
  return (i18n.resolvedLanguage ?? i18n.language).startsWith('zh');
}

/** The label in the interface language, or the other one if that is empty. */
export function pickLabel(item: Bilingual, zh: boolean): string {
  return (zh ? item.label_zh || item.label_en : item.label_en || item.label_zh) || '';
}

/** `pickLabel` for the current language. */
export function useLabel(): (item: Bilingual) => string {
  const zh = useIsZh();
  return (item) => pickLabel(item, zh);
}

/** A date after today (dates are compared as YYYY-MM-DD). */
export function isFutureDate(v: string): boolean {
  return isIsoDate(v) && formatDate(v.trim()) > today();
}

/** An optional done date: the server's format and "not in the future" checks. */
export function checkDoneDate(v: string | null | undefined): FieldProblem | null {
  const s = (v ?? '').trim();
  if (s === '') return null;
  if (!isIsoDate(s)) return { code: 'date_format', detail: s };
  return isFutureDate(s) ? { code: 'in_future' } : null;
}

/**
 * Where an onboarding link leads: the distributor page, with the onboarding tab
 * asked for in the navigation state (the page opens its default tab if it does not read it).
 */
export function distributorOnboardingLink(distributorId: number) {
  return { pathname: `/distributors/${distributorId}`, state: { tab: 'onboarding' } } as const;
}
