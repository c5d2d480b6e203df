import { App, Alert, Button, Checkbox, Modal, Progress, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Lang } from '../../bindings/Lang';
import type { SendFailure } from '../../bindings/SendFailure';
import type { SendProgress } from '../../bindings/SendProgress';
import type { SendSummary } from '../../bindings/SendSummary';
import { normaliseLanguage } from '../../i18n';
import { toAppError } from '../../ipc';
import { useStatementSend, useStatementSendCancel } from '../../ipc/collections';
import { appErrorMessage } from '../../lib/errors';

/**
 * E-mails the statements of a period: one distributor's, or every active
 * one's. Shows the progress with a cancel button, then what was sent, what
 * had been sent already and every address that failed, with the server's reason.
 */
export function SendStatementsModal({
  from,
  to,
  distributorIds,
  title,
  onClose,
}: {
  from: string;
  to: string;
  /** Empty: every active distributor. */
  distributorIds: number[];
  title: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [lang, setLang] = useState<Lang>(() => normaliseLanguage(i18n.language) ?? 'zh-CN');
  const [resend, setResend] = useState(false);
  const [progress, setProgress] = useState<SendProgress | null>(null);
  const [summary, setSummary] = useState<SendSummary | null>(null);
  const send = useStatementSend(setProgress);
  const cancel = useStatementSendCancel();

  const start = async () => {
    setSummary(null);
    try {
      setSummary(await send.mutateAsync({ from, to, lang, distributor_ids: distributorIds, resend }));
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };

  const reason = (f: SendFailure) => (f.reason === 'no_address' ? t('send.noAddress') : f.reason);

  return (
    <Modal
      open
      width={760}
      title={title}
      onCancel={send.isPending ? undefined : onClose}
      closable={!send.isPending}
      mask={{ closable: false }}
      modalRender={(node) => <div id="send-modal">{node}</div>}
      footer={
        send.isPending ? (
          <Button id="send-cancel" danger onClick={() => cancel.mutate()}>
            {t('send.cancel')}
          </Button>
        ) : (
          <Space>
            <Button id="send-close" onClick={onClose}>
              {t('common.close')}
            </Button>
            <Button id="send-start" type="primary" onClick={() => void start()}>
              {summary ? t('send.again') : t('send.start')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph>{t('send.period', { from, to })}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<Lang>
          value={lang}
          onChange={setLang}
          disabled={send.isPending}
          options={[
            { value: 'zh-CN', label: t('lang.zh') },
            { value: 'en', label: t('lang.en') },
          ]}
        />
        <Checkbox
          id="send-resend"
          checked={resend}
          disabled={send.isPending}
          onChange={(e) => setResend(e.target.checked)}
        >
          {t('send.resend')}
        </Checkbox>
      </Space>
      <Typography.Paragraph type="secondary">{t('send.hint')}</Typography.Paragraph>
      {send.isPending && progress ? (
        <div id="send-progress">
          <Progress percent={progress.total ? Math.round((progress.done * 100) / progress.total) : 0} />
          <Typography.Text type="secondary">{progress.current}</Typography.Text>
        </div>
      ) : null}
      {summary ? (
        <>
          <Alert
            id="send-summary"
            type={summary.failures.length > 0 ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            title={t('send.summary', {
              sent: summary.sent,
              messages: summary.messages,
              skipped: summary.skipped.length,
              failed: summary.failures.length,
            })}
            description={
              <>
                {summary.cancelled ? <div>{t('send.cancelled')}</div> : null}
                {summary.skipped.length > 0 ? (
                  <div id="send-skipped">{t('send.skipped', { codes: summary.skipped.join(', ') })}</div>
                ) : null}
                {summary.substituted.length > 0 ? (
                  <div id="send-substituted">
                    {t('pdf.substitutedTitle')}:{' '}
                    {summary.substituted.map((s) => `${s.code} ${s.name} (${s.chars})`).join('; ')}
                  </div>
                ) : null}
              </>
            }
          />
          {summary.failures.length > 0 ? (
            <Table<SendFailure>
              id="send-failures"
              size="small"
              rowKey={(f) => `${f.distributor_id}-${f.address}`}
              pagination={false}
              dataSource={summary.failures}
              columns={[
                {
                  key: 'distributor',
                  title: t('fields.distributor_id'),
                  width: 220,
                  render: (_: unknown, f) => `${f.code} ${f.name}`,
                },
                { key: 'address', dataIndex: 'address', title: t('send.address'), width: 200 },
                { key: 'reason', title: t('send.reason'), render: (_: unknown, f) => reason(f) },
              ]}
            />
          ) : null}
        </>
      ) : null}
    </Modal>
  );
}
