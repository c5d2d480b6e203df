import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Distributor } from '../../bindings/Distributor';
import type { Tier } from '../../bindings/Tier';
import { useTierLabel } from '../../hooks/useTierLabel';
import { toAppError } from '../../ipc';
import { useChangeTier } from '../../ipc/queries';
import { TIERS } from '../../lib/domain';
import { applyAppErrorToForm } from '../../lib/errors';
import { checkRequired } from '../../lib/validation';
import { ruleFrom } from '../../forms/rules';
import { TierTag } from '../Tags';

type Values = { tier: Tier; reason: string };

export function TierChangeModal({ distributor, onClose }: { distributor: Distributor; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangeTier();
  const tierLabel = useTierLabel();

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const saved = await change.mutateAsync({ id: distributor.id, tier: v.tier, reason: v.reason.trim() });
      message.success(t('tierChange.done', { tier: tierLabel(saved.tier) }));
      onClose();
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t, {
        hasField: (p) => p[0] === 'tier' || p[0] === 'reason',
      });
      if (msg) message.error(msg);
    }
  };

  const suggested = TIERS.find((x) => x !== distributor.tier) ?? 'basic';

  return (
    <Modal
      open
      title={t('tierChange.title')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.confirm')}
      okButtonProps={{ id: 'tier-confirm', loading: change.isPending }}
      cancelButtonProps={{ id: 'tier-cancel' }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('tierChange.current')}：<TierTag tier={distributor.tier} />
      </Typography.Paragraph>
      <Form<Values> form={form} name="tier" layout="vertical" initialValues={{ tier: suggested, reason: '' }}>
        <Form.Item name="tier" label={t('tierChange.to')}>
          <Select<Tier>
            virtual={false}
            options={TIERS.map((x) => ({
              value: x,
              label: tierLabel(x),
              disabled: x === distributor.tier,
              className: `tier-option-${x}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('tierChange.reason')}
          required
          rules={[ruleFrom<string>(t, checkRequired)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('tierChange.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
