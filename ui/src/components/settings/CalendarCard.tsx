import { DeleteOutlined, DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Select,
  Skeleton,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CalendarDay } from '../../bindings/CalendarDay';
import type { DayKind } from '../../bindings/DayKind';
import type { RowError } from '../../bindings/RowError';
import { dialogs, toAppError } from '../../ipc';
import {
  useCalendarDays,
  useExportCalendar,
  useImportCalendar,
  useSaveCalendarDays,
} from '../../ipc/queries';
import { appErrorMessage, fieldErrorText, fieldLabel } from '../../lib/errors';
import { checkCalendarRows } from '../../lib/complaints';
import { PathPromptModal } from '../PathPromptModal';
import { QueryError } from '../QueryError';

type Row = CalendarDay & { uid: number };
type Problems = { source: 'table' | 'file'; errors: RowError[] };

const KINDS: DayKind[] = ['holiday', 'workday'];

let nextUid = 1;
const withUid = (d: CalendarDay): Row => ({ ...d, uid: nextUid++ });

function CalendarEditor({ initial }: { initial: CalendarDay[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Row[]>(() => initial.map(withUid));
  const [problems, setProblems] = useState<Problems | null>(null);
  const [asking, setAsking] = useState<{ mode: 'import' | 'export'; initial: string } | null>(null);
  const save = useSaveCalendarDays();
  const importer = useImportCalendar();
  const exporter = useExportCalendar();

  const patch = (uid: number, p: Partial<CalendarDay>) => {
    setRows((rs) => rs.map((r) => (r.uid === uid ? { ...r, ...p } : r)));
    setProblems(null);
  };

  const badRows = new Set(problems?.source === 'table' ? problems.errors.map((e) => e.row) : []);

  const submit = async () => {
    const days: CalendarDay[] = rows.map((r) => ({ date: r.date.trim(), kind: r.kind, name: r.name.trim() }));
    const local = checkCalendarRows(days);
    if (local.length > 0) {
      setProblems({ source: 'table', errors: local });
      return;
    }
    try {
      const saved = await save.mutateAsync(days);
      setRows(saved.map(withUid));
      setProblems(null);
      message.success(t('calendar.saved', { count: saved.length }));
    } catch (e) {
      const err = toAppError(e);
      if (err.kind === 'import_rejected') setProblems({ source: 'table', errors: err.errors });
      else message.error(appErrorMessage(err, t));
    }
  };

  const runImport = async (path: string) => {
    try {
      const days = await importer.mutateAsync(path);
      setRows(days.map(withUid));
      setProblems(null);
      setAsking(null);
      message.success(t('calendar.imported', { count: days.length }));
    } catch (e) {
      const err = toAppError(e);
      if (err.kind === 'import_rejected') {
        setAsking(null);
        setProblems({ source: 'file', errors: err.errors });
      }
      message.error(appErrorMessage(err, t));
    }
  };

  const runExport = async (typed: string) => {
    const path = /\.csv$/i.test(typed) ? typed : `${typed}.csv`;
    try {
      const count = await exporter.mutateAsync(path);
      setAsking(null);
      message.success(t('calendar.exported', { count, path }));
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };

  const fileName = `${t('calendar.fileName')}.csv`;
  const ask = async (mode: 'import' | 'export') => {
    setAsking({ mode, initial: mode === 'export' ? await dialogs.suggestedPath(fileName) : '' });
  };

  return (
    <>
      <Typography.Paragraph type="secondary" id="calendar-hint">
        {t('calendar.hint')}
      </Typography.Paragraph>
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
        <Button
          id="calendar-add"
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => setRows((rs) => [...rs, withUid({ date: '', kind: 'holiday', name: '' })])}
        >
          {t('calendar.add')}
        </Button>
        <Space wrap>
          <Button
            id="calendar-import"
            icon={<ImportOutlined />}
            loading={importer.isPending}
            onClick={() => void ask('import')}
          >
            {t('calendar.import')}
          </Button>
          <Button
            id="calendar-export"
            icon={<DownloadOutlined />}
            loading={exporter.isPending}
            onClick={() => void ask('export')}
          >
            {t('calendar.export')}
          </Button>
        </Space>
      </Flex>
      {problems ? (
        <Alert
          id="calendar-errors"
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={problems.source === 'file' ? t('calendar.importRejected') : t('calendar.rowsRejected')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.errors.map((e) => (
                <li key={`${e.row}-${e.field}-${e.code}`}>
                  {t('calendar.rowError', {
                    row: e.row,
                    field: fieldLabel(t, e.field),
                    message: fieldErrorText(t, e.code, e.detail, e.field),
                  })}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Table<Row>
        id="calendar-table"
        size="small"
        rowKey="uid"
        dataSource={rows}
        pagination={false}
        scroll={rows.length > 12 ? { y: 420 } : undefined}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.empty')} />,
        }}
        columns={[
          {
            key: 'date',
            title: t('fields.date'),
            width: 170,
            render: (_: unknown, r, i) => (
              <Input
                id={`calendar_${i}_date`}
                value={r.date}
                status={badRows.has(i + 1) ? 'error' : undefined}
                placeholder={t('common.datePlaceholder')}
                autoComplete="off"
                onChange={(e) => patch(r.uid, { date: e.target.value })}
              />
            ),
          },
          {
            key: 'kind',
            title: t('fields.kind'),
            width: 200,
            render: (_: unknown, r, i) => (
              <Select<DayKind>
                id={`calendar_${i}_kind`}
                value={r.kind}
                virtual={false}
                style={{ width: '100%' }}
                onChange={(kind) => patch(r.uid, { kind })}
                options={KINDS.map((k) => ({
                  value: k,
                  label: t(`calendar.kind.${k}`),
                  className: `day-kind-option-${k}`,
                }))}
              />
            ),
          },
          {
            key: 'name',
            title: t('fields.name'),
            render: (_: unknown, r, i) => (
              <Input
                id={`calendar_${i}_name`}
                value={r.name}
                maxLength={60}
                placeholder={t('calendar.namePlaceholder')}
                autoComplete="off"
                onChange={(e) => patch(r.uid, { name: e.target.value })}
              />
            ),
          },
          {
            key: 'remove',
            width: 56,
            render: (_: unknown, r, i) => (
              <Button
                id={`calendar-remove-${i}`}
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.remove')}
                onClick={() => {
                  setRows((rs) => rs.filter((x) => x.uid !== r.uid));
                  setProblems(null);
                }}
              />
            ),
          },
        ]}
      />
      <Flex justify="end" style={{ marginTop: 12 }}>
        <Button id="calendar-save" type="primary" loading={save.isPending} onClick={() => void submit()}>
          {t('common.save')}
        </Button>
      </Flex>
      {asking?.mode === 'import' ? (
        <PathPromptModal
          title={t('calendar.importTitle')}
          hint={t('calendar.importHint')}
          inputId="calendar_import_path"
          okId="calendar-import-confirm"
          okText={t('calendar.import')}
          initial=""
          busy={importer.isPending}
          browse={() => dialogs.pickImportFile(t('calendar.importTitle'))}
          onSubmit={runImport}
          onClose={() => setAsking(null)}
        />
      ) : asking?.mode === 'export' ? (
        <PathPromptModal
          title={t('calendar.exportTitle')}
          inputId="calendar_export_path"
          okId="calendar-export-confirm"
          okText={t('calendar.export')}
          initial={asking.initial}
          busy={exporter.isPending}
          browse={() => dialogs.pickExportPath(t('calendar.exportTitle'), 'csv', fileName)}
          onSubmit={runExport}
          onClose={() => setAsking(null)}
        />
      ) : null}
    </>
  );
}

/** Public holidays and make-up working days, which the SLA clocks skip or count. */
export function CalendarCard() {
  const { t } = useTranslation();
  const days = useCalendarDays();
  return (
    <Card title={t('calendar.title')} size="small" style={{ marginTop: 16 }} id="calendar-card">
      {days.error ? (
        <QueryError error={days.error} onRetry={() => void days.refetch()} />
      ) : days.data ? (
        <CalendarEditor initial={days.data} />
      ) : (
        <Skeleton active paragraph={{ rows: 3 }} />
      )}
    </Card>
  );
}
