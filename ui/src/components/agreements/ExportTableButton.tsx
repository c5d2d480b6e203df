import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { dialogs, toAppError } from '../../ipc';
import { PathPromptModal } from '../PathPromptModal';
import { agreementErrorMessage } from './agreementLib';
import { useRights } from '../../ipc/login';

type Props = {
  /** The button's id; the path field is `<id>-path`, its OK button `<id>-ok`. */
  id: string;
  title: string;
  /** Suggested file name, e.g. `agreements-20261123.xlsx`. */
  fileName: string;
  disabled?: boolean;
  busy?: boolean;
  /** Writes the file; resolves to the number of rows written. */
  onExport: (path: string) => Promise<number>;
};

/** The path may end in .xlsx or .csv; anything else becomes an Excel file. */
export function tablePath(p: string): string {
  return /\.(xlsx|csv)$/i.test(p) ? p : `${p}.xlsx`;
}

/** Exports a table as Excel or CSV to a path typed or chosen in the system dialog. */
export function ExportTableButton({ id, title, fileName, disabled, busy, onExport }: Props) {
  const { t } = useTranslation();
  const rights = useRights();
  const { message } = App.useApp();
  const [initial, setInitial] = useState<string | null>(null);

  const open = async () => setInitial(await dialogs.suggestedPath(fileName));

  const write = async (picked: string) => {
    const path = tablePath(picked);
    try {
      const count = await onExport(path);
      setInitial(null);
      message.success(t('agreement.export.done', { count, path }));
    } catch (e) {
      message.error(agreementErrorMessage(toAppError(e), t));
    }
  };

  if (!rights.may('export')) return null;
  return (
    <>
      <Button id={id} icon={<DownloadOutlined />} disabled={disabled} onClick={() => void open()}>
        {t('agreement.export.button')}
      </Button>
      {initial !== null ? (
        <PathPromptModal
          title={title}
          inputId={`${id}-path`}
          okId={`${id}-ok`}
          okText={t('agreement.export.ok')}
          initial={initial}
          hint={t('agreement.export.hint')}
          busy={busy}
          browse={() => dialogs.pickTablePath(title, fileName)}
          onSubmit={write}
          onClose={() => setInitial(null)}
        />
      ) : null}
    </>
  );
}
