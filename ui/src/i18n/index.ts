import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

import agreementsEn from './agreements.en.json';
import agreementsZh from './agreements.zh-CN.json';
import certificatesEn from './certificates.en.json';
import certificatesZh from './certificates.zh-CN.json';
import en from './en.json';
import financeEn from './finance.en.json';
import financeZh from './finance.zh-CN.json';
import onboardingEn from './onboarding.en.json';
import onboardingZh from './onboarding.zh-CN.json';
import trainingEn from './training.en.json';
import trainingZh from './training.zh-CN.json';
import zhCN from './zh-CN.json';
import type { Lang } from '../bindings/Lang';

type Tree = { [key: string]: string | Tree };

/** Module files add their own keys (and error codes under `errors`) to the base file. */
export function mergeTrees(...trees: Tree[]): Tree {
  const out: Tree = {};
  for (const tree of trees) {
    for (const [k, v] of Object.entries(tree)) {
      const have = out[k];
      out[k] = typeof v === 'object' && typeof have === 'object' ? mergeTrees(have, v) : v;
    }
  }
  return out;
}

export const resources = {
  'zh-CN': mergeTrees(
    zhCN as Tree,
    agreementsZh as Tree,
    onboardingZh as Tree,
    trainingZh as Tree,
    certificatesZh as Tree,
    financeZh as Tree,
  ),
  en: mergeTrees(
    en as Tree,
    agreementsEn as Tree,
    onboardingEn as Tree,
    trainingEn as Tree,
    certificatesEn as Tree,
    financeEn as Tree,
  ),
};

/** The program's two languages, the same closed type as the server's (`Lang`). */
export type Language = Lang;
export const LANGUAGES: Language[] = ['zh-CN', 'en'];
export const LANGUAGE_STORAGE_KEY = 'dealerdesk.language';

export function normaliseLanguage(v: string | null | undefined): Language | null {
  if (!v) return null;
  if (v.toLowerCase().startsWith('zh')) return 'zh-CN';
  if (v.toLowerCase().startsWith('en')) return 'en';
  return null;
}

export function storedLanguage(): Language | null {
  try {
    return normaliseLanguage(window.localStorage.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    return null;
  }
}

export function rememberLanguage(lng: Language) {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // storage unavailable: the server setting still remembers it
  }
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: resources['zh-CN'] },
    en: { translation: resources.en },
  },
  lng: storedLanguage() ?? 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
