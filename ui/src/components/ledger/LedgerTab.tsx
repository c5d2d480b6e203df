import { DownloadOutlined, ImportOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Empty, Flex, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Distributor } from '../../bindings/Distributor';
import type { EntryKind } from '../../bindings/EntryKind';
import type { LedgerEntry } from '../../bindings/LedgerEntry';
import type { LedgerQuery } from '../../bindings/LedgerQuery';
import type { RowError } from '../../bindings/RowError';
import { normaliseLanguage } from '../../i18n';
import { dialogs, toAppError } from '../../ipc';
import { useLedger, useLedgerExport, useLedgerImport } from '../../ipc/queries';
import { appErrorMessage } from '../../lib/errors';
import { canReverse, isZeroMoney, kindLabel, kindOptions, reversalState } from '../../lib/ledger';
import { formatMoney } from '../../lib/money';
import { useServerPaging } from '../../lib/paging';
import { PathPromptModal } from '../PathPromptModal';
import { QueryError } from '../QueryError';
import { warnOverLimit } from './creditWarning';
import { ImportErrorsModal } from './ImportErrorsModal';
import { PostEntryModal } from './PostEntryModal';
import { ReverseModal } from './ReverseModal';
import { Needs } from '../Needs';

type Range = [Dayjs | null, Dayjs | null] | null;

/** A zero amount is left blank so the debit and credit columns read like a ledger book. */
function money(s: string): string {
  return isZeroMoney(s) ? '' : formatMoney(s);
}

/** Import and export of ledger sheets (CSV or Excel). */
function useLedgerTransfer(distributor: Distributor) {
  const { t, i18n } = useTranslation();
  const { message, modal: dialog } = App.useApp();
  const importer = useLedgerImport();
  const exporter = useLedgerExport();
  const [rejected, setRejected] = useState<{ path: string; errors: RowError[] } | null>(null);
  const [asking, setAsking] = useState(false);

  const runImport = async (path: string) => {
    try {
      const summary = await importer.mutateAsync(path);
      setAsking(false);
      const done = t('ledger.importDone', { added: summary.added, skipped: summary.skipped });
      message.success(
        summary.ignored_columns.length > 0
          ? `${done}. ${t('import.ignored', { columns: summary.ignored_columns.join('、') })}`
          : done,
      );
      warnOverLimit(dialog, t, summary.over_limit);
    } catch (e) {
      const err = toAppError(e);
      if (err.kind === 'import_rejected') {
        setAsking(false);
        setRejected({ path, errors: err.errors });
      }
      message.error(appErrorMessage(err, t));
    }
  };

  const runExport = async () => {
    try {
      const name = `${distributor.code}-${t('ledger.exportFileName')}.xlsx`;
      const path = await dialogs.pickTablePath(t('ledger.exportTitle'), name);
      if (!path) return;
      const count = await exporter.mutateAsync({
        path,
        distributor_id: distributor.id,
        lang: normaliseLanguage(i18n.language) ?? 'zh-CN',
      });
      message.success(t('ledger.exportDone', { count, path }));
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };

  const modal = rejected ? (
    <ImportErrorsModal path={rejected.path} errors={rejected.errors} onClose={() => setRejected(null)} />
  ) : asking ? (
    <PathPromptModal
      title={t('ledger.importPickTitle')}
      hint={t('ledger.importHint')}
      inputId="ledger_import_path"
      okId="ledger-import-confirm"
      okText={t('ledger.import')}
      initial=""
      busy={importer.isPending}
      browse={() => dialogs.pickImportFile(t('ledger.importPickTitle'))}
      onSubmit={runImport}
      onClose={() => setAsking(false)}
    />
  ) : null;

  return {
    runImport: () => setAsking(true),
    runExport: () => void runExport(),
    importing: importer.isPending,
    exporting: exporter.isPending,
    modal,
  };
}

/** A distributor's ledger: filters, entries, posting, reversing, import and export. */
export function LedgerTab({ distributor }: { distributor: Distributor }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<Range>(null);
  const [kinds, setKinds] = useState<EntryKind[]>([]);
  const [posting, setPosting] = useState(false);
  const [reversing, setReversing] = useState<LedgerEntry | null>(null);
  const transfer = useLedgerTransfer(distributor);

  const filters = {
    distributor_id: distributor.id,
    from: range?.[0]?.format('YYYY-MM-DD') ?? '',
    to: range?.[1]?.format('YYYY-MM-DD') ?? '',
    kinds,
  };
  const { paging, pagination } = useServerPaging(filters);
  const query: LedgerQuery = { ...filters, ...paging };
  const ledger = useLedger(query);
  const filtered = query.from !== '' || query.to !== '' || kinds.length > 0;

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Space wrap>
          <DatePicker.RangePicker
            id="ledger-period"
            value={range}
            allowEmpty={[true, true]}
            onChange={(v) => setRange(v)}
            aria-label={t('ledger.period')}
          />
          <Select<EntryKind[]>
            id="ledger-kinds"
            mode="multiple"
            allowClear
            virtual={false}
            style={{ minWidth: 220 }}
            placeholder={t('ledger.allKinds')}
            value={kinds}
            onChange={setKinds}
            options={kindOptions(t)}
            maxTagCount="responsive"
          />
        </Space>
        <Space wrap>
          <Needs right="finance">
            <Button id="ledger-post" type="primary" icon={<PlusOutlined />} onClick={() => setPosting(true)}>
              {t('ledger.post')}
            </Button>
          </Needs>
          <Needs right="finance">
            <Button
              id="ledger-import"
              icon={<ImportOutlined />}
              loading={transfer.importing}
              onClick={transfer.runImport}
            >
              {t('ledger.import')}
            </Button>
          </Needs>
          <Needs right="export">
            <Button
              id="ledger-export"
              icon={<DownloadOutlined />}
              loading={transfer.exporting}
              onClick={transfer.runExport}
            >
              {t('ledger.export')}
            </Button>
          </Needs>
        </Space>
      </Flex>
      {ledger.error && !ledger.data ? (
        <QueryError error={ledger.error} onRetry={() => void ledger.refetch()} />
      ) : (
        <Table<LedgerEntry>
          id="ledger-table"
          rowKey="id"
          size="small"
          loading={ledger.isFetching}
          dataSource={ledger.data?.rows ?? []}
          pagination={pagination(ledger.data?.total)}
          scroll={{ x: 1370 }}
          locale={{
            emptyText: ledger.isLoading ? (
              <span />
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={filtered ? t('ledger.emptyFiltered') : t('ledger.empty')}
              />
            ),
          }}
          columns={[
            { key: 'date', dataIndex: 'date', title: t('fields.date'), width: 110 },
            { key: 'doc_no', dataIndex: 'doc_no', title: t('fields.doc_no'), width: 150 },
            {
              key: 'kind',
              dataIndex: 'kind',
              title: t('fields.kind'),
              width: 170,
              render: (k: EntryKind, e) => {
                const state = reversalState(e);
                return (
                  <Space size={4} wrap>
                    <span>{kindLabel(t, k)}</span>
                    {state === 'reversed' ? (
                      <Tag className="ledger-tag-reversed" color="default">
                        {t('ledger.reversed')}
                      </Tag>
                    ) : state === 'reversal' ? (
                      <Tag className="ledger-tag-reversal" color="orange">
                        {t('ledger.reversal')}
                      </Tag>
                    ) : null}
                  </Space>
                );
              },
            },
            {
              key: 'description',
              dataIndex: 'description',
              title: t('fields.description'),
              width: 260,
              ellipsis: { showTitle: true },
            },
            { key: 'fapiao_no', dataIndex: 'fapiao_no', title: t('fields.fapiao_no'), width: 110 },
            { key: 'due_date', dataIndex: 'due_date', title: t('fields.due_date'), width: 110 },
            {
              key: 'debit',
              dataIndex: 'debit',
              title: t('fields.debit'),
              width: 130,
              align: 'right',
              className: 'money',
              render: (v: string) => money(v),
            },
            {
              key: 'credit',
              dataIndex: 'credit',
              title: t('fields.credit'),
              width: 130,
              align: 'right',
              className: 'money',
              render: (v: string) => money(v),
            },
            { key: 'created_by', dataIndex: 'created_by', title: t('fields.created_by'), width: 100 },
            {
              key: 'actions',
              title: t('ledger.actions'),
              width: 100,
              fixed: 'right',
              render: (_: unknown, e) =>
                canReverse(e) ? (
                  <Button
                    id={`ledger-reverse-${e.id}`}
                    className="ledger-reverse"
                    type="link"
                    size="small"
                    danger
                    icon={<RollbackOutlined />}
                    onClick={() => setReversing(e)}
                  >
                    {t('ledger.reverse')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      {posting ? <PostEntryModal distributor={distributor} onClose={() => setPosting(false)} /> : null}
      {reversing ? <ReverseModal entry={reversing} onClose={() => setReversing(null)} /> : null}
      {transfer.modal}
    </>
  );
}
