import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import { useSetLanguage } from '../ipc/queries';
import { normaliseLanguage, rememberLanguage, type Language } from './index';

/** The current UI language and a setter that also remembers it locally and in settings. */
export function useLanguage(): [Language, (lng: Language) => void] {
  const { i18n } = useTranslation();
  const { mutate } = useSetLanguage();
  const current = normaliseLanguage(i18n.resolvedLanguage ?? i18n.language) ?? 'zh-CN';
  const change = useCallback(
    (lng: Language) => {
      void i18n.changeLanguage(lng);
      rememberLanguage(lng);
      // The local choice already applies; a failed save only loses it on another PC.
      mutate(lng);
    },
    [i18n, mutate],
  );
  return [current, change];
}
