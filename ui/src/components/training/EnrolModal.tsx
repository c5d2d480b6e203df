import { Alert, App, Checkbox, Empty, Flex, Form, Modal, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SessionDetail } from '../../bindings/SessionDetail';
import { toAppError } from '../../ipc';
import { useDistributor } from '../../ipc/queries';
import { useEnrol } from '../../ipc/training';
import { appErrorMessage, fieldErrorText } from '../../lib/errors';
import { DistributorSelect } from '../complaints/DistributorSelect';

/** The people of one distributor as checkboxes `.enrol-person-<contactId>`. */
function People({
  distributorId,
  enrolled,
  picked,
  onToggle,
}: {
  distributorId: number;
  enrolled: Set<number>;
  picked: Map<number, string>;
  onToggle: (people: { id: number; name: string }[], on: boolean) => void;
}) {
  const { t } = useTranslation();
  const detail = useDistributor(distributorId);
  if (detail.error) {
    return <Alert type="error" showIcon title={appErrorMessage(detail.error, t)} />;
  }
  if (!detail.data) return <Skeleton active paragraph={{ rows: 3 }} />;
  const people = detail.data.contacts;
  if (people.length === 0) {
    return (
      <div id="enrol-no-people">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('training.enrol.noPeople')} />
      </div>
    );
  }
  const open = people.filter((p) => !enrolled.has(p.id));
  const allOn = open.length > 0 && open.every((p) => picked.has(p.id));
  const someOn = open.some((p) => picked.has(p.id));
  return (
    <Flex vertical gap={6} id="enrol-people">
      {open.length > 1 ? (
        <Checkbox
          id="enrol-all"
          checked={allOn}
          indeterminate={someOn && !allOn}
          onChange={(e) => onToggle(open, e.target.checked)}
        >
          {t('training.enrol.all')}
        </Checkbox>
      ) : null}
      {people.map((p) => {
        const already = enrolled.has(p.id);
        return (
          <Checkbox
            key={p.id}
            className={`enrol-person enrol-person-${p.id}`}
            checked={already || picked.has(p.id)}
            disabled={already}
            onChange={(e) => onToggle([p], e.target.checked)}
          >
            <span>{p.name}</span>
            {p.role ? <span className="muted"> · {p.role}</span> : null}
            {p.phone ? <span className="muted"> · {p.phone}</span> : null}
            {already ? (
              <Tag style={{ marginLeft: 8 }} color="blue">
                {t('training.enrol.already')}
              </Tag>
            ) : null}
          </Checkbox>
        );
      })}
    </Flex>
  );
}

/**
 * Enrols people in a planned or held session: choose a distributor, tick its
 * people (people of several distributors can be gathered before OK). The modal
 * is `#session-enrol-modal`, OK `#enrol-ok`, the server's refusal `#enrol-error`.
 */
export function EnrolModal({ detail, onClose }: { detail: SessionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const enrol = useEnrol();
  const [distributorId, setDistributorId] = useState<number | null>(null);
  const [picked, setPicked] = useState<Map<number, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const s = detail.session;
  const enrolled = new Set(detail.attendees.map((a) => a.contact_id));
  const left = Math.max(0, s.capacity - s.enrolled);

  const toggle = (people: { id: number; name: string }[], on: boolean) => {
    setError(null);
    setPicked((prev) => {
      const next = new Map(prev);
      for (const p of people) {
        if (on) next.set(p.id, p.name);
        else next.delete(p.id);
      }
      return next;
    });
  };

  const submit = async () => {
    setError(null);
    try {
      const after = await enrol.mutateAsync({ session_id: s.id, contact_ids: [...picked.keys()] });
      message.success(t('training.enrol.done', { count: picked.size, enrolled: after.session.enrolled }));
      onClose();
    } catch (e) {
      const err = toAppError(e);
      setError(
        err.kind === 'validation' && err.fields.length > 0
          ? err.fields.map((f) => fieldErrorText(t, f.code, f.detail, f.field)).join('；')
          : appErrorMessage(err, t),
      );
    }
  };

  return (
    <Modal
      open
      width={600}
      title={t('training.enrol.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('training.enrol.ok', { count: picked.size })}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'enrol-ok', loading: enrol.isPending, disabled: picked.size === 0 }}
      cancelButtonProps={{ id: 'enrol-cancel' }}
      mask={{ closable: false }}
      modalRender={(node) => <div id="session-enrol-modal">{node}</div>}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('fields.distributor_id')} htmlFor="enrol-distributor">
          <DistributorSelect
            id="enrol-distributor"
            value={distributorId}
            onChange={(id) => setDistributorId(id)}
            style={{ width: '100%' }}
            autoFocus
          />
        </Form.Item>
      </Form>
      {distributorId !== null ? (
        <People distributorId={distributorId} enrolled={enrolled} picked={picked} onToggle={toggle} />
      ) : null}
      <Typography.Paragraph id="enrol-selected" type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('training.enrol.selected', { count: picked.size, left })}
        {picked.size > 0 ? (
          <span className="enrol-picked"> — {[...picked.values()].join(t('training.separator'))}</span>
        ) : null}
      </Typography.Paragraph>
      {picked.size > left ? (
        <Alert
          id="enrol-over"
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('training.enrol.overCapacity', { count: picked.size, left })}
        />
      ) : null}
      {error ? <Alert id="enrol-error" type="error" showIcon style={{ marginTop: 8 }} title={error} /> : null}
    </Modal>
  );
}
