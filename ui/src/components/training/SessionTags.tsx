import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import type { SessionStatus } from '../../bindings/SessionStatus';

export const SESSION_STATUSES: SessionStatus[] = ['planned', 'held', 'closed', 'cancelled'];

const COLOR: Record<SessionStatus, string> = {
  planned: 'processing',
  held: 'warning',
  closed: 'success',
  cancelled: 'default',
};

export function sessionStatusLabel(t: TFunction, s: string): string {
  return t(`training.status.${s}`, { defaultValue: s });
}

export function SessionStatusTag({ status, id }: { status: SessionStatus; id?: string }) {
  const { t } = useTranslation();
  return (
    <Tag id={id} color={COLOR[status]} data-status={status} className={`session-status-${status}`}>
      {sessionStatusLabel(t, status)}
    </Tag>
  );
}

/** Passed / failed / absent for a result; nothing before one is entered. */
export function ResultTag({
  attended,
  passed,
  id,
}: {
  attended: boolean | null;
  passed: boolean | null;
  id?: string;
}) {
  const { t } = useTranslation();
  if (attended === null) {
    return (
      <span id={id} className="muted" data-result="none">
        {t('common.none')}
      </span>
    );
  }
  if (!attended) {
    return (
      <Tag id={id} data-result="absent">
        {t('training.results.absent')}
      </Tag>
    );
  }
  if (passed === null) {
    return (
      <span id={id} className="muted" data-result="none">
        {t('common.none')}
      </span>
    );
  }
  return (
    <Tag id={id} color={passed ? 'success' : 'error'} data-result={passed ? 'passed' : 'failed'}>
      {passed ? t('training.results.passed') : t('training.results.failed')}
    </Tag>
  );
}
