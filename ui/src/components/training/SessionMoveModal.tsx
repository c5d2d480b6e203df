import { Alert, App, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SessionDetail } from '../../bindings/SessionDetail';
import type { SessionStatus } from '../../bindings/SessionStatus';
import { toAppError } from '../../ipc';
import { useMoveSession } from '../../ipc/training';
import { appErrorMessage } from '../../lib/errors';
import { sessionStatusLabel } from './SessionTags';

/**
 * Confirms closing (which issues the certificates) or cancelling a session.
 * The modal is `#session-move-modal`, its OK `#session-move-ok`.
 */
export function SessionMoveModal({
  detail,
  to,
  onClose,
}: {
  detail: SessionDetail;
  to: Extract<SessionStatus, 'closed' | 'cancelled'>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const move = useMoveSession();
  const [error, setError] = useState<string | null>(null);
  const passed = detail.attendees.filter((a) => a.passed === true).length;
  const certificates = detail.course.validity_months !== null;

  const submit = async () => {
    setError(null);
    try {
      const after = await move.mutateAsync({ id: detail.session.id, to });
      message.success(t('training.session.moved', { status: sessionStatusLabel(t, after.session.status) }));
      onClose();
    } catch (e) {
      setError(appErrorMessage(toAppError(e), t));
    }
  };

  return (
    <Modal
      open
      title={to === 'closed' ? t('training.session.closeTitle') : t('training.session.cancelTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={to === 'closed' ? t('training.session.toClosed') : t('training.session.toCancelled')}
      okButtonProps={{ id: 'session-move-ok', loading: move.isPending, danger: to === 'cancelled' }}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ id: 'session-move-cancel' }}
      modalRender={(node) => <div id="session-move-modal">{node}</div>}
      destroyOnHidden
    >
      <Typography.Paragraph id="session-move-text">
        {to === 'closed'
          ? certificates
            ? t('training.session.closeText', { count: passed })
            : t('training.session.closeTextNoCertificate')
          : t('training.session.cancelText')}
      </Typography.Paragraph>
      {error ? <Alert id="session-move-error" type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
