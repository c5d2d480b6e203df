import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import type { ConfirmStatus } from '../../bindings/ConfirmStatus';

const COLOR: Record<ConfirmStatus, string> = { confirmed: 'green', disputed: 'red', no_answer: 'default' };

/** A statement's answer; "no answer" turns orange once it is reminded. */
export function RunStatusTag({
  status,
  unanswered = false,
}: {
  status: ConfirmStatus | null;
  unanswered?: boolean;
}) {
  const { t } = useTranslation();
  if (status === null) return null;
  return (
    <Tag color={unanswered ? 'orange' : COLOR[status]} className={`run-status run-status-${status}`}>
      {unanswered ? t('runs.unanswered') : t(`runs.status.${status}`)}
    </Tag>
  );
}
