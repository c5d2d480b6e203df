import { FolderOpenOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { toAppError } from '../ipc';
import { appErrorMessage } from '../lib/errors';

type Props = {
  title: string;
  /** id of the path field; the browse button is `<inputId>-browse`. */
  inputId: string;
  okId: string;
  okText: string;
  initial: string;
  hint?: string;
  busy?: boolean;
  /** Opens the system file dialog; resolves to the chosen path or null. */
  browse: () => Promise<string | null>;
  onSubmit: (path: string) => Promise<void>;
  onClose: () => void;
};

/**
 * A file path that can be typed or pasted as well as chosen in the system
 * dialog — the way people who keep monthly files in one folder work.
 */
export function PathPromptModal({
  title,
  inputId,
  okId,
  okText,
  initial,
  hint,
  busy,
  browse,
  onSubmit,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [path, setPath] = useState(initial);
  const [missing, setMissing] = useState(false);

  const pick = async () => {
    try {
      const chosen = await browse();
      if (chosen) {
        setPath(chosen);
        setMissing(false);
      }
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };

  const submit = async () => {
    if (!path.trim()) {
      setMissing(true);
      return;
    }
    await onSubmit(path.trim());
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: okId, loading: busy }}
      onOk={() => void submit()}
      destroyOnHidden
    >
      {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
      <Space.Compact style={{ width: '100%' }}>
        <Input
          id={inputId}
          value={path}
          status={missing ? 'error' : undefined}
          placeholder={t('pathPrompt.placeholder')}
          title={path}
          onChange={(e) => {
            setPath(e.target.value);
            setMissing(false);
          }}
          onPressEnter={() => void submit()}
        />
        <Button id={`${inputId}-browse`} icon={<FolderOpenOutlined />} onClick={() => void pick()}>
          {t('pathPrompt.browse')}
        </Button>
      </Space.Compact>
      {missing ? (
        <Typography.Text type="danger" id={`${inputId}-error`}>
          {t('errors.required')}
        </Typography.Text>
      ) : null}
    </Modal>
  );
}
