// Pure helpers of the training screens: titles and labels in the UI language.
import type { TFunction } from 'i18next';

import type { Course } from '../../bindings/Course';
import type { Tier } from '../../bindings/Tier';
import { normaliseLanguage, type Language } from '../../i18n';

export const TIERS: Tier[] = ['strategic', 'core', 'basic'];

/** The language for files and PDFs: the UI's, `zh-CN` when unknown. */
export function fileLanguage(language: string): Language {
  return normaliseLanguage(language) ?? 'zh-CN';
}

/** A title in the UI language; English falls back to Chinese when blank. */
export function titleIn(language: string, zh: string, en: string): string {
  const english = !language.toLowerCase().startsWith('zh');
  return english && en.trim() ? en : zh;
}

export function courseTitle(c: Pick<Course, 'title_zh' | 'title_en'>, language: string): string {
  return titleIn(language, c.title_zh, c.title_en);
}

/** "2 h", "1.5 h" — or 2 小时. */
export function hoursText(t: TFunction, hours: string): string {
  return t('training.courses.hoursValue', { hours });
}

/** "24 months" or "no certificate". */
export function validityText(t: TFunction, months: number | null): string {
  return months === null
    ? t('training.courses.noCertificate')
    : t('training.courses.validityValue', { count: months });
}

/** Hours with at most one decimal, above 0 and at most 200 (as the server accepts). */
export function isHours(v: string): boolean {
  const s = v.trim();
  if (!/^\d+(\.\d)?$/.test(s)) return false;
  const n = Number(s);
  return n > 0 && n <= 200;
}
