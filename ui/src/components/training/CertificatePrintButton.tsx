import { FolderOpenOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { normaliseLanguage } from '../../i18n';
import { dialogs, toAppError } from '../../ipc';
import { usePrintCertificates } from '../../ipc/certificates';
import { usePathOpen } from '../../ipc/queries';
import { appErrorMessage } from '../../lib/errors';
import { PathPromptModal } from '../PathPromptModal';

export type Printed = { dir: string; paths: string[] };

/**
 * Prints the chosen certificates as PDFs into a folder typed or chosen in the
 * system dialog (`#certificate-print-dir`, `#certificate-print-ok`).
 */
export function CertificatePrintButton({
  ids,
  onPrinted,
}: {
  ids: number[];
  onPrinted: (printed: Printed) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const print = usePrintCertificates();
  const [initial, setInitial] = useState<string | null>(null);

  const open = async () => setInitial(await dialogs.suggestedPath(t('certificates.print.folderName')));

  const write = async (dir: string) => {
    try {
      const paths = await print.mutateAsync({
        ids,
        lang: normaliseLanguage(i18n.language) ?? 'zh-CN',
        out_dir: dir,
      });
      setInitial(null);
      onPrinted({ dir, paths });
      message.success(t('certificates.print.done', { count: paths.length }));
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };

  return (
    <>
      <Button
        id="certificate-print"
        icon={<PrinterOutlined />}
        disabled={ids.length === 0}
        title={ids.length === 0 ? t('certificates.print.selectHint') : undefined}
        onClick={() => void open()}
      >
        {ids.length > 0
          ? t('certificates.print.buttonCount', { count: ids.length })
          : t('certificates.print.button')}
      </Button>
      {initial !== null ? (
        <PathPromptModal
          title={t('certificates.print.title', { count: ids.length })}
          inputId="certificate-print-dir"
          okId="certificate-print-ok"
          okText={t('certificates.print.ok')}
          initial={initial}
          hint={t('certificates.print.hint')}
          busy={print.isPending}
          browse={() => dialogs.pickFolder(t('certificates.print.title', { count: ids.length }))}
          onSubmit={write}
          onClose={() => setInitial(null)}
        />
      ) : null}
    </>
  );
}

/** The files a print wrote (`#certificate-printed`), with a button opening their folder. */
export function CertificatePrintedAlert({ printed, onClose }: { printed: Printed; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pathOpen = usePathOpen();

  const openFolder = async (dir: string) => {
    try {
      await pathOpen.mutateAsync(dir);
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };

  return (
    <div className="certificate-printed-wrap" style={{ marginBottom: 12 }}>
      <Alert
        id="certificate-printed"
        type="success"
        showIcon
        closable={{ onClose }}
        title={t('certificates.print.written', { count: printed.paths.length, dir: printed.dir })}
        description={
          <ul className="certificate-printed-list" style={{ margin: 0, paddingInlineStart: 18 }}>
            {printed.paths.map((p) => (
              <li key={p}>
                <Typography.Text copyable className="certificate-printed-path">
                  {p}
                </Typography.Text>
              </li>
            ))}
          </ul>
        }
        action={
          <Button
            id="certificate-printed-open"
            size="small"
            icon={<FolderOpenOutlined />}
            onClick={() => void openFolder(printed.dir)}
          >
            {t('certificates.print.openFolder')}
          </Button>
        }
      />
    </div>
  );
}
