import { Alert, ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { type Right, useRights } from '../ipc/login';

/**
 * Shows `children` only to a user who holds `right` (core refuses the write
 * anyway: this only keeps from offering what would be refused).
 */
export function Needs({ right, children }: { right: Right; children: ReactNode }) {
  const { may } = useRights();
  return may(right) ? <>{children}</> : null;
}

/**
 * A form area that only `right` may change: shown to everyone, every field
 * and button disabled for the others, with a note naming who may.
 */
export function ChangedBy({ right, children }: { right: Right; children: ReactNode }) {
  const { t } = useTranslation();
  const { may } = useRights();
  if (may(right)) return <>{children}</>;
  return (
    <>
      <Alert
        className="read-only-note"
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('users.readOnly', { action: t(`users.actions.${right}`) })}
      />
      <ConfigProvider componentDisabled>{children}</ConfigProvider>
    </>
  );
}
