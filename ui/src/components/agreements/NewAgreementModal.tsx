import { Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { DistributorSelect } from '../complaints/DistributorSelect';

/**
 * Picks the distributor of a new agreement, then opens the editor
 * (`/agreements/new?distributor=<id>`). The select is `#agreement-new-distributor`,
 * OK is `#agreement-new-ok`.
 */
export function NewAgreementModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [distributorId, setDistributorId] = useState<number | null>(null);
  const [missing, setMissing] = useState(false);

  const submit = () => {
    if (!distributorId) {
      setMissing(true);
      return;
    }
    onClose();
    void navigate(`/agreements/new?distributor=${distributorId}`);
  };

  return (
    <Modal
      open
      title={t('agreement.newTitle')}
      onCancel={onClose}
      onOk={submit}
      okText={t('agreement.newContinue')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'agreement-new-ok' }}
      cancelButtonProps={{ id: 'agreement-new-cancel' }}
      modalRender={(node) => <div id="agreement-new-modal">{node}</div>}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('agreement.newHint')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('fields.distributor_id')}
          required
          validateStatus={missing ? 'error' : undefined}
          help={missing ? t('errors.required') : undefined}
        >
          <DistributorSelect
            id="agreement-new-distributor"
            value={distributorId}
            autoFocus
            style={{ width: '100%' }}
            onChange={(v) => {
              setDistributorId(v);
              setMissing(false);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
