import { Alert, App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SessionDetail } from '../../bindings/SessionDetail';
import { toAppError } from '../../ipc';
import { useCourses, useSaveSession } from '../../ipc/training';
import { applyAppErrorToForm } from '../../lib/errors';
import {
  isSessionField,
  SessionFields,
  sessionInput,
  sessionValues,
  type SessionValues,
} from './SessionForm';

/** Edits a planned session: the modal `#session-edit-modal`, the form "session", OK `#session-save`. */
export function SessionEditModal({ detail, onClose }: { detail: SessionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SessionValues>();
  const courses = useCourses();
  const save = useSaveSession();
  const [error, setError] = useState<string | null>(null);
  const s = detail.session;
  // Active courses, and the session's own even if it was since retired.
  const offered = (courses.data ?? []).filter((c) => c.active || c.id === s.course_id);

  const submit = async () => {
    setError(null);
    const v = await form.validateFields();
    try {
      await save.mutateAsync({ id: s.id, input: sessionInput(v, []) });
      message.success(t('training.session.saved'));
      onClose();
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t, { hasField: isSessionField });
      if (msg) setError(msg);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('training.session.editTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'session-save', loading: save.isPending }}
      cancelButtonProps={{ id: 'session-edit-cancel' }}
      mask={{ closable: false }}
      modalRender={(node) => <div id="session-edit-modal">{node}</div>}
      destroyOnHidden
    >
      <Form<SessionValues>
        form={form}
        name="session"
        layout="vertical"
        initialValues={sessionValues(s)}
        onValuesChange={() => setError(null)}
      >
        <SessionFields courses={offered} loading={courses.isPending} />
      </Form>
      {error ? <Alert id="session-error" type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
