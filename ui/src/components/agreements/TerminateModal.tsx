import { App } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Agreement } from '../../bindings/Agreement';
import { useTerminateAgreement } from '../../ipc/agreements';
import { checkDate } from '../../lib/ledger';
import { DateReasonModal } from '../DateReasonModal';
import { agreementErrorMessage } from './agreementLib';

/** Ends an agreement in force early. Field ids are `terminate_date` and `terminate_reason`. */
export function TerminateModal({ agreement, onClose }: { agreement: Agreement; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const terminate = useTerminateAgreement();
  return (
    <DateReasonModal
      name="terminate"
      modalId="agreement-terminate-modal"
      title={t('agreement.terminate.title', { number: agreement.number, version: agreement.version })}
      hint={t('agreement.terminate.hint', { start: agreement.signed_date ?? '', end: agreement.term_end })}
      dateLabel={t('agreement.terminate.date')}
      reasonPlaceholder={t('agreement.terminate.reasonPlaceholder')}
      okText={t('agreement.terminate.ok')}
      busy={terminate.isPending}
      checkDate={checkDate}
      errorMessage={(err) => agreementErrorMessage(err, t)}
      onSubmit={async (v) => {
        await terminate.mutateAsync({ id: agreement.id, ...v });
        message.success(t('agreement.terminate.done', { number: agreement.number }));
      }}
      onClose={onClose}
    />
  );
}
