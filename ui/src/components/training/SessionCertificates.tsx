import { FolderOpenOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SessionDetail } from '../../bindings/SessionDetail';
import { dialogs, ipc, toAppError } from '../../ipc';
import { usePrintCertificates } from '../../ipc/certificates';
import { useSessionCertificates } from '../../ipc/training';
import { appErrorMessage } from '../../lib/errors';
import { PathPromptModal } from '../PathPromptModal';
import { fileLanguage } from './CourseLabels';

/**
 * The certificates a closed session issued, written as PDFs (one per certificate,
 * in the UI language) to a folder typed or chosen: `#session-print-certificates`,
 * then `#certificates-dir` / `#certificates-dir-ok`; the written files `#certificates-printed`.
 */
export function SessionCertificates({ detail }: { detail: SessionDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const s = detail.session;
  const list = useSessionCertificates(s.id, s.status === 'closed');
  const print = usePrintCertificates();
  const [initial, setInitial] = useState<string | null>(null);
  const [written, setWritten] = useState<{ dir: string; paths: string[] } | null>(null);
  const ids = (list.data ?? []).map((c) => c.id);
  const folderName = t('training.print.folderName', { code: detail.course.code, date: s.date });

  const open = async () => setInitial(await dialogs.suggestedPath(folderName));

  const write = async (dir: string) => {
    try {
      const paths = await print.mutateAsync({
        ids,
        lang: fileLanguage(i18n.resolvedLanguage ?? i18n.language),
        out_dir: dir,
      });
      setInitial(null);
      setWritten({ dir, paths });
      message.success(t('training.print.done', { count: paths.length }));
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };

  const openFolder = async (dir: string) => {
    try {
      await ipc.pathOpen(dir);
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };

  return (
    <Card size="small" title={t('training.print.title')} id="session-certificates">
      <Flex align="center" gap={12} wrap>
        <Typography.Text id="session-certificate-count">
          {list.error
            ? appErrorMessage(list.error, t)
            : list.data
              ? detail.course.validity_months === null
                ? t('training.print.noCertificateCourse')
                : t('training.print.count', { count: ids.length })
              : '…'}
        </Typography.Text>
        <Button
          id="session-print-certificates"
          icon={<PrinterOutlined />}
          disabled={ids.length === 0}
          loading={list.isPending}
          onClick={() => void open()}
        >
          {t('training.print.button')}
        </Button>
      </Flex>
      {written ? (
        <Alert
          id="certificates-printed"
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={t('training.print.written', { count: written.paths.length, dir: written.dir })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {written.paths.map((p) => (
                <li key={p} className="certificate-file">
                  {p}
                </li>
              ))}
            </ul>
          }
          action={
            <Button
              id="certificates-open-folder"
              size="small"
              icon={<FolderOpenOutlined />}
              onClick={() => void openFolder(written.dir)}
            >
              {t('training.print.openFolder')}
            </Button>
          }
        />
      ) : null}
      {initial !== null ? (
        <PathPromptModal
          title={t('training.print.dirTitle')}
          inputId="certificates-dir"
          okId="certificates-dir-ok"
          okText={t('training.print.ok')}
          initial={initial}
          hint={t('training.print.dirHint', { count: ids.length })}
          busy={print.isPending}
          browse={() => dialogs.pickFolder(t('training.print.dirTitle'))}
          onSubmit={write}
          onClose={() => setInitial(null)}
        />
      ) : null}
    </Card>
  );
}
