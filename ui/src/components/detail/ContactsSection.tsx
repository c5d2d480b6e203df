import { DeleteOutlined, EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Contact } from '../../bindings/Contact';
import { toAppError } from '../../ipc';
import { useRemoveContact } from '../../ipc/queries';
import { appErrorMessage } from '../../lib/errors';
import { ContactModal } from './ContactModal';
import { Needs } from '../Needs';

function RowActions({ c, onEdit }: { c: Contact; onEdit: (c: Contact) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useRemoveContact();

  return (
    <Space size={0}>
      <Button
        id={`contact-edit-${c.id}`}
        className="contact-edit"
        type="link"
        size="small"
        icon={<EditOutlined />}
        onClick={() => onEdit(c)}
      >
        {t('common.edit')}
      </Button>
      <Popconfirm
        title={t('contacts.removeConfirm', { name: c.name })}
        okText={t('common.remove')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, id: 'contact-remove-confirm', loading: remove.isPending }}
        onConfirm={() =>
          remove
            .mutateAsync(c.id)
            .then(() => void message.success(t('contacts.removed', { name: c.name })))
            .catch((e: unknown) => void message.error(appErrorMessage(toAppError(e), t)))
        }
      >
        <Button
          id={`contact-remove-${c.id}`}
          className="contact-remove"
          type="link"
          size="small"
          danger
          icon={<DeleteOutlined />}
        >
          {t('common.remove')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/** "Other contacts" on the profile: people besides the primary contact, with add / edit / remove. */
export function ContactsSection({ distributorId, contacts }: { distributorId: number; contacts: Contact[] }) {
  const { t } = useTranslation();
  // null: closed; 'new': adding; a contact: editing it.
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const none = <span className="muted">{t('common.none')}</span>;
  const text = (v: string) => (v.trim() === '' ? none : v);

  return (
    <div id="contact-section">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('contacts.title')}
        </Typography.Text>
        <Needs right="channel">
          <Button id="contact-add" size="small" icon={<UserAddOutlined />} onClick={() => setEditing('new')}>
            {t('contacts.add')}
          </Button>
        </Needs>
      </Flex>
      <Table<Contact>
        id="contact-table"
        rowKey="id"
        size="small"
        bordered
        dataSource={contacts}
        pagination={false}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contacts.empty')} />,
        }}
        columns={[
          { key: 'name', dataIndex: 'name', title: t('contacts.name'), width: 130, ellipsis: true },
          {
            key: 'role',
            dataIndex: 'role',
            title: t('fields.contact_role'),
            width: 120,
            ellipsis: true,
            render: text,
          },
          { key: 'phone', dataIndex: 'phone', title: t('fields.contact_phone'), width: 150, render: text },
          {
            key: 'email',
            dataIndex: 'email',
            title: t('fields.contact_email'),
            ellipsis: true,
            render: (v: string, c: Contact) => (
              <>
                {text(v)}
                {c.receives_statements ? (
                  <Tag color="blue" className="contact-receives-statements" style={{ marginLeft: 6 }}>
                    {t('contacts.receivesStatements')}
                  </Tag>
                ) : null}
              </>
            ),
          },
          {
            key: 'wechat',
            dataIndex: 'wechat',
            title: t('fields.contact_wechat'),
            width: 130,
            ellipsis: true,
            render: text,
          },
          {
            key: 'actions',
            title: t('contacts.actions'),
            width: 160,
            render: (_: unknown, c) => <RowActions c={c} onEdit={(x) => setEditing(x)} />,
          },
        ]}
      />
      {editing !== null ? (
        <ContactModal
          key={editing === 'new' ? 'new' : editing.id}
          distributorId={distributorId}
          contact={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
