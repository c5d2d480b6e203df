import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { useStatementSettings } from '../../ipc/queries';

// Once per run: the clerk who chose to print without a name is not asked again.
let warned = false;

/**
 * Before a statement is printed: when the company's name is empty, say so
 * once and offer to fill it in. Resolves to whether to go on printing.
 */
export function useCompanyNameCheck(): () => Promise<boolean> {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const settings = useStatementSettings();
  return () => {
    const company = settings.data?.company;
    if (warned || !company || company.name.trim() !== '') return Promise.resolve(true);
    warned = true;
    return new Promise<boolean>((resolve) => {
      modal.confirm({
        title: t('guide.companyMissingTitle'),
        content: t('guide.companyMissingBody'),
        okText: t('guide.companyMissingFill'),
        cancelText: t('guide.companyMissingPrint'),
        okButtonProps: { id: 'company-missing-fill' },
        cancelButtonProps: { id: 'company-missing-print' },
        onOk: () => {
          resolve(false);
          void navigate('/settings?section=documents');
        },
        onCancel: () => resolve(true),
      });
    });
  };
}
