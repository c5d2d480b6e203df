import { ExportOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Agreement } from '../../bindings/Agreement';
import type { AgreementPdfRequest } from '../../bindings/AgreementPdfRequest';
import { normaliseLanguage, type Language } from '../../i18n';
import { dialogs, toAppError } from '../../ipc';
import { useAgreementOpenPdf, useAgreementPrintPdf, useAgreementSavePdf } from '../../ipc/agreements';
import { usePathOpen } from '../../ipc/queries';
import { PathPromptModal } from '../PathPromptModal';
import { agreementErrorMessage, agreementPdfName } from './agreementLib';

type Props = {
  agreement: Agreement;
  /** Runs before a PDF is written (a draft with unsaved changes is saved first); false stops. */
  beforeWrite?: () => Promise<boolean>;
};

/** The agreement as PDF in either language: save to a chosen path, open in the viewer, or print. */
export function AgreementPdfCard({ agreement, beforeWrite }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [lang, setLang] = useState<Language>(() => normaliseLanguage(i18n.language) ?? 'zh-CN');
  const [saving, setSaving] = useState<{ initial: string } | null>(null);
  const [savedPath, setSavedPath] = useState<string | null>(null);
  const savePdf = useAgreementSavePdf();
  const openPdf = useAgreementOpenPdf();
  const printPdf = useAgreementPrintPdf();
  const pathOpen = usePathOpen();

  const fail = (e: unknown) => message.error(agreementErrorMessage(toAppError(e), t));
  const req = (path: string): AgreementPdfRequest => ({ id: agreement.id, lang, path });
  const fileName = agreementPdfName(agreement.number, agreement.version, lang);
  const ready = async () => (beforeWrite ? beforeWrite() : true);

  const save = async () => {
    if (!(await ready())) return;
    setSaving({ initial: await dialogs.suggestedPath(fileName) });
  };

  const write = async (picked: string) => {
    const path = picked.toLowerCase().endsWith('.pdf') ? picked : `${picked}.pdf`;
    try {
      const written = await savePdf.mutateAsync(req(path));
      setSaving(null);
      setSavedPath(written);
      message.success(t('agreement.pdf.saved', { path: written }));
    } catch (e) {
      fail(e);
    }
  };

  const open = async () => {
    if (!(await ready())) return;
    try {
      await openPdf.mutateAsync(req(''));
    } catch (e) {
      fail(e);
    }
  };

  const print = async () => {
    if (!(await ready())) return;
    try {
      await printPdf.mutateAsync(req(''));
      message.success(t('agreement.pdf.printed'));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Card size="small" title={t('agreement.pdf.title')} id="agreement-pdf">
      <Flex vertical gap={8}>
        <Space wrap>
          <Typography.Text>{t('agreement.pdf.lang')}</Typography.Text>
          <Select<Language>
            id="agreement-pdf-lang"
            virtual={false}
            style={{ width: 120 }}
            value={lang}
            onChange={setLang}
            options={[
              { value: 'zh-CN', label: t('lang.zh'), className: 'pdf-lang-zh-CN' },
              { value: 'en', label: t('lang.en'), className: 'pdf-lang-en' },
            ]}
          />
        </Space>
        <Space wrap>
          <Button
            id="agreement-save-pdf"
            icon={<FilePdfOutlined />}
            loading={savePdf.isPending}
            onClick={() => void save()}
          >
            {t('agreement.pdf.save')}
          </Button>
          <Button
            id="agreement-open-pdf"
            icon={<ExportOutlined />}
            loading={openPdf.isPending}
            onClick={() => void open()}
          >
            {t('agreement.pdf.open')}
          </Button>
          <Button
            id="agreement-print-pdf"
            icon={<PrinterOutlined />}
            loading={printPdf.isPending}
            onClick={() => void print()}
          >
            {t('agreement.pdf.print')}
          </Button>
        </Space>
        {savedPath ? (
          <Alert
            id="agreement-pdf-saved"
            type="success"
            showIcon
            closable={{ onClose: () => setSavedPath(null) }}
            title={t('agreement.pdf.saved', { path: savedPath })}
            action={
              <Button
                id="agreement-pdf-saved-open"
                size="small"
                type="link"
                onClick={() => void pathOpen.mutateAsync(savedPath).catch(fail)}
              >
                {t('common.open')}
              </Button>
            }
          />
        ) : null}
      </Flex>
      {saving ? (
        <PathPromptModal
          title={t('agreement.pdf.saveTitle')}
          inputId="agreement-pdf-path"
          okId="agreement-pdf-ok"
          okText={t('common.save')}
          initial={saving.initial}
          busy={savePdf.isPending}
          browse={() => dialogs.pickPdfPath(t('agreement.pdf.saveTitle'), fileName)}
          onSubmit={write}
          onClose={() => setSaving(null)}
        />
      ) : null}
    </Card>
  );
}
