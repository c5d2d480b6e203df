import { App, Checkbox, Col, Form, Input, Modal, Row } from 'antd';
import type { FormRule } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Contact } from '../../bindings/Contact';
import type { ContactInput } from '../../bindings/ContactInput';
import { ruleFrom } from '../../forms/rules';
import { toAppError } from '../../ipc';
import { useSaveContact } from '../../ipc/queries';
import { applyAppErrorToForm, fieldErrorText } from '../../lib/errors';
import { checkContactChannel, checkEmail, checkPhone, checkRequired } from '../../lib/validation';
import { offerReload } from '../../lib/conflict';

type Values = ContactInput;

const FORM_FIELDS = new Set<string>(['name', 'role', 'phone', 'email', 'wechat', 'receives_statements']);

const EMPTY: Values = { name: '', role: '', phone: '', email: '', wechat: '', receives_statements: false };

function toValues(c: Contact | null): Values {
  return c
    ? {
        name: c.name,
        role: c.role,
        phone: c.phone,
        email: c.email,
        wechat: c.wechat,
        receives_statements: c.receives_statements,
      }
    : EMPTY;
}

function toInput(v: Values): ContactInput {
  const s = (x: string | undefined) => (x ?? '').trim();
  return {
    name: s(v.name),
    role: s(v.role),
    phone: s(v.phone),
    email: s(v.email),
    wechat: s(v.wechat),
    receives_statements: v.receives_statements ?? false,
  };
}

/**
 * Adds a contact (`contact` null) or edits one. The "at least one channel" error
 * sits on the phone field, as the server puts it there.
 */
export function ContactModal({
  distributorId,
  contact,
  onClose,
}: {
  distributorId: number;
  contact: Contact | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveContact();
  // The version edited: one saved by someone else meanwhile is not overwritten.
  const [base] = useState(contact?.updated_at ?? null);

  const channelRule: FormRule = ({ getFieldValue }) => ({
    validator: () => {
      const problem = checkContactChannel({
        phone: getFieldValue('phone') as string | undefined,
        email: getFieldValue('email') as string | undefined,
        wechat: getFieldValue('wechat') as string | undefined,
      });
      return problem
        ? Promise.reject(new Error(fieldErrorText(t, problem.code, problem.detail)))
        : Promise.resolve();
    },
  });

  const submit = async () => {
    const v = await form.validateFields();
    const input = toInput(v);
    try {
      await save.mutateAsync({ distributor_id: distributorId, id: contact?.id ?? null, input, base });
      message.success(t(contact ? 'contacts.updated' : 'contacts.added', { name: input.name }));
      onClose();
    } catch (e) {
      // Reloading is opening the contact again from the list, which is read anew.
      if (offerReload(e, modal, t, onClose)) return;
      const msg = applyAppErrorToForm(form, toAppError(e), t, {
        hasField: (p) => typeof p[0] === 'string' && FORM_FIELDS.has(p[0]),
      });
      if (msg) message.error(msg);
    }
  };

  return (
    <Modal
      open
      title={t(contact ? 'contacts.edit' : 'contacts.add')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'contact-save', loading: save.isPending }}
      cancelButtonProps={{ id: 'contact-cancel' }}
      mask={{ closable: false }}
      modalRender={(node) => <div id="contact-modal">{node}</div>}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        id="contact-form"
        form={form}
        name="contact"
        layout="vertical"
        initialValues={toValues(contact)}
        requiredMark
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="name"
              label={t('contacts.name')}
              required
              rules={[ruleFrom<string>(t, checkRequired)]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="role" label={t('fields.contact_role')}>
              <Input autoComplete="off" placeholder={t('contacts.rolePlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="phone"
              label={t('fields.contact_phone')}
              dependencies={['email', 'wechat']}
              rules={[channelRule, ruleFrom<string>(t, checkPhone)]}
            >
              <Input autoComplete="off" placeholder={t('form.phonePlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="email"
              label={t('fields.contact_email')}
              dependencies={['receives_statements']}
              rules={[
                ruleFrom<string>(t, checkEmail),
                ({ getFieldValue }) => ({
                  validator: (_, v: string | undefined) =>
                    getFieldValue('receives_statements') === true && !(v ?? '').trim()
                      ? Promise.reject(new Error(fieldErrorText(t, 'required', null)))
                      : Promise.resolve(),
                }),
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="wechat" label={t('fields.contact_wechat')}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="receives_statements" valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox id="contact_receives_statements">{t('fields.contact_receives_statements')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
