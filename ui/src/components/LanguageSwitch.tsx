import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';

import { useLanguage } from '../i18n/useLanguage';
import type { Language } from '../i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const [lng, setLng] = useLanguage();
  return (
    <Segmented<Language>
      id="language-switch"
      aria-label={t('lang.label')}
      size="small"
      value={lng}
      onChange={setLng}
      options={[
        { value: 'zh-CN', label: <span id="lang-zh">{t('lang.zh')}</span> },
        { value: 'en', label: <span id="lang-en">{t('lang.en')}</span> },
      ]}
    />
  );
}
