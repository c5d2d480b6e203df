import { App } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Certificate } from '../../bindings/Certificate';
import { useRevokeCertificate } from '../../ipc/certificates';
import { appErrorMessage } from '../../lib/errors';
import { checkDate } from '../../lib/ledger';
import type { FieldProblem } from '../../lib/validation';
import { DateReasonModal } from '../DateReasonModal';
import { isFutureDate } from '../onboarding/labels';
import { useCertificateCourse } from './CertificateTags';

/** The server's checks on the revocation date: a real date, not after today. */
function checkRevokeDate(v: string | null | undefined): FieldProblem | null {
  return checkDate(v) ?? (isFutureDate(v as string) ? { code: 'in_future' } : null);
}

/**
 * Revokes a certificate from a date with a reason. The modal is `#revoke-modal`,
 * the fields `#revoke_date` and `#revoke_reason`, the button `#revoke-ok`.
 */
export function RevokeModal({ cert, onClose }: { cert: Certificate; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const course = useCertificateCourse();
  const revoke = useRevokeCertificate();
  return (
    <DateReasonModal
      name="revoke"
      modalId="revoke-modal"
      title={t('certificates.revoke.title', { number: cert.number })}
      hint={t('certificates.revoke.hint', { person: cert.person_name, course: course(cert) })}
      dateLabel={t('certificates.revoke.date')}
      reasonPlaceholder={t('certificates.revoke.reasonPlaceholder')}
      okText={t('certificates.revoke.ok')}
      busy={revoke.isPending}
      checkDate={checkRevokeDate}
      // Revoked meanwhile elsewhere: say so rather than the generic status message.
      errorMessage={(err) =>
        err.kind === 'illegal_transition' ? t('certificates.revoke.already') : appErrorMessage(err, t)
      }
      onSubmit={async (v) => {
        await revoke.mutateAsync({ id: cert.id, ...v });
        message.success(t('certificates.revoke.done', { number: cert.number }));
      }}
      onClose={onClose}
    />
  );
}
