import { Tag, Tooltip } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

import type { AgreementStatus } from '../../bindings/AgreementStatus';
import { AGREEMENT_STATUS_COLOR, EXPIRY_WARNING_DAYS, agreementStatusLabel } from './agreementLib';

export function AgreementStatusTag({ status, id }: { status: AgreementStatus; id?: string }) {
  const { t } = useTranslation();
  return (
    <Tag
      id={id}
      color={AGREEMENT_STATUS_COLOR[status]}
      data-status={status}
      variant="filled"
      className="agreement-status-tag"
    >
      {agreementStatusLabel(t, status)}
    </Tag>
  );
}

/** A red warning: another agreement in force overlaps an exclusive territory. */
export function ConflictTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('agreement.conflictHint')}>
      <Tag color="red" icon={<WarningOutlined />} className="agreement-conflict-tag">
        {t('agreement.conflictTag')}
      </Tag>
    </Tooltip>
  );
}

/** Days to the end of the term; highlighted from 60 days before the end. */
export function DaysToEnd({ days }: { days: number | null }) {
  const { t } = useTranslation();
  if (days === null) return null;
  if (days > EXPIRY_WARNING_DAYS) {
    return <span className="muted agreement-days-left">{t('agreement.daysLeft', { days })}</span>;
  }
  return (
    <Tag color={days <= 30 ? 'red' : 'orange'} className="agreement-days-left agreement-expiring">
      {t('agreement.daysLeft', { days })}
    </Tag>
  );
}
