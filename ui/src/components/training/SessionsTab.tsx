import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Calendar, Empty, Flex, Input, Segmented, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';

import type { SessionQuery } from '../../bindings/SessionQuery';
import type { SessionStatus } from '../../bindings/SessionStatus';
import type { TrainingSession } from '../../bindings/TrainingSession';
import { useCourses, useExportTraining, useSessionList } from '../../ipc/training';
import { isIsoDate } from '../../lib/ledger';
import { ExportTableButton } from '../agreements/ExportTableButton';
import { QueryError } from '../QueryError';
import { emptyCertificateQuery } from '../../ipc/certificates';
import { courseTitle, fileLanguage, titleIn } from './CourseLabels';
import { SESSION_STATUSES, sessionStatusLabel, SessionStatusTag } from './SessionTags';
import { officeNow } from '../../lib/dates';
import { WIDE_TABLE } from '../../lib/tables';
import { Needs } from '../Needs';

type View = 'list' | 'month';

function pickStatus(v: string | null): SessionStatus | null {
  return v !== null && (SESSION_STATUSES as string[]).includes(v) ? (v as SessionStatus) : null;
}

function pickMonth(v: string | null): Dayjs {
  const d = v && /^\d{4}-\d{2}$/.test(v) ? dayjs(`${v}-01`) : null;
  return d && d.isValid() ? d : officeNow().startOf('month');
}

/** A date filter typed as YYYY-MM-DD; reported once it is a date or empty. */
function DateFilter({
  id,
  initial,
  placeholder,
  onDate,
}: {
  id: string;
  initial: string;
  placeholder: string;
  onDate: (v: string) => void;
}) {
  const [text, setText] = useState(initial);
  const bad = text.trim() !== '' && !isIsoDate(text);
  return (
    <Input
      id={id}
      value={text}
      allowClear
      status={bad ? 'error' : undefined}
      placeholder={placeholder}
      autoComplete="off"
      style={{ width: 150 }}
      onChange={(e) => {
        const v = e.target.value;
        setText(v);
        if (v.trim() === '' || isIsoDate(v)) onDate(v.trim());
      }}
    />
  );
}

function SessionTable({
  rows,
  loading,
  filtered,
}: {
  rows: TrainingSession[];
  loading: boolean;
  filtered: boolean;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <Table<TrainingSession>
      id="session-table"
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 1100 }}
      {...WIDE_TABLE}
      locale={{
        emptyText: loading ? (
          <span />
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={filtered ? t('training.sessions.emptyFiltered') : t('training.sessions.empty')}
          />
        ),
      }}
      rowClassName={(s) => `session-row session-row-${s.id} clickable-row`}
      onRow={(s) => ({
        onClick: () => void navigate(`/training/sessions/${s.id}`),
        style: { cursor: 'pointer' },
      })}
      columns={[
        {
          key: 'when',
          title: t('training.sessions.when'),
          width: 150,
          render: (_: unknown, s) => `${s.date} ${s.start_time}`,
        },
        // The status comes first after the date: a 1280-px window shows it without scrolling.
        {
          key: 'status',
          title: t('fields.status'),
          width: 100,
          render: (_: unknown, s) => <SessionStatusTag status={s.status} />,
        },
        {
          key: 'course',
          title: t('fields.course_id'),
          ellipsis: { showTitle: true },
          render: (_: unknown, s) => (
            <span>
              <span className="muted">{s.course_code}</span>{' '}
              {titleIn(language, s.course_title_zh, s.course_title_en)}
            </span>
          ),
        },
        { key: 'trainer', title: t('fields.trainer'), dataIndex: 'trainer', width: 110, ellipsis: true },
        { key: 'place', title: t('fields.place'), dataIndex: 'place', width: 170, ellipsis: true },
        {
          key: 'enrolled',
          title: t('training.sessions.enrolled'),
          width: 90,
          align: 'right',
          render: (_: unknown, s) => `${s.enrolled}/${s.capacity}`,
        },
        {
          key: 'attended',
          title: t('training.sessions.attended'),
          dataIndex: 'attended',
          width: 80,
          align: 'right',
        },
        {
          key: 'passed',
          title: t('training.sessions.passed'),
          dataIndex: 'passed',
          width: 80,
          align: 'right',
        },
      ]}
    />
  );
}

function MonthView({
  month,
  rows,
  onMonth,
}: {
  month: Dayjs;
  rows: TrainingSession[];
  onMonth: (m: Dayjs) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const byDate = useMemo(() => {
    const m = new Map<string, TrainingSession[]>();
    // Earliest first within a day (the list comes newest first).
    for (const s of [...rows].reverse()) m.set(s.date, [...(m.get(s.date) ?? []), s]);
    return m;
  }, [rows]);
  return (
    <div id="session-month">
      <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
        <Button
          id="session-month-prev"
          size="small"
          icon={<LeftOutlined />}
          aria-label={t('training.sessions.prevMonth')}
          onClick={() => onMonth(month.subtract(1, 'month'))}
        />
        <Typography.Text strong id="session-month-label">
          {month.format('YYYY-MM')}
        </Typography.Text>
        <Button
          id="session-month-next"
          size="small"
          icon={<RightOutlined />}
          aria-label={t('training.sessions.nextMonth')}
          onClick={() => onMonth(month.add(1, 'month'))}
        />
        <Button id="session-month-today" size="small" onClick={() => onMonth(officeNow().startOf('month'))}>
          {t('training.sessions.thisMonth')}
        </Button>
      </Flex>
      <Calendar
        value={month}
        headerRender={() => null}
        cellRender={(current, info) => {
          if (info.type !== 'date' || !current.isSame(month, 'month')) return info.originNode;
          const list = byDate.get(current.format('YYYY-MM-DD')) ?? [];
          return (
            <div className="session-cal-cell">
              {list.map((s) => (
                <div
                  key={s.id}
                  className={`session-cal-item session-cal-${s.id} session-cal-${s.status}`}
                  title={`${s.start_time} ${s.course_code} · ${s.place}`}
                  role="link"
                  tabIndex={0}
                  style={{
                    cursor: 'pointer',
                    whiteSpace: 'nowrap',
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                  }}
                  onClick={(e) => {
                    e.stopPropagation();
                    void navigate(`/training/sessions/${s.id}`);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') void navigate(`/training/sessions/${s.id}`);
                  }}
                >
                  <SessionStatusDot status={s.status} /> {s.start_time} {s.course_code}
                </div>
              ))}
            </div>
          );
        }}
      />
    </div>
  );
}

const DOT_COLOR: Record<SessionStatus, string> = {
  planned: '#1677ff',
  held: '#faad14',
  closed: '#52c41a',
  cancelled: '#bfbfbf',
};

function SessionStatusDot({ status }: { status: SessionStatus }) {
  return (
    <span
      style={{
        display: 'inline-block',
        width: 6,
        height: 6,
        borderRadius: 3,
        background: DOT_COLOR[status],
        verticalAlign: 'middle',
      }}
    />
  );
}

/**
 * Training sessions, newest first, filtered by date, status and course (kept in the
 * URL so the list is as it was after opening a session); a month calendar as well.
 */
export function SessionsTab() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const courses = useCourses();
  const exporter = useExportTraining();
  const [resetCount, setResetCount] = useState(0);

  const view: View = sp.get('view') === 'month' ? 'month' : 'list';
  const month = pickMonth(sp.get('month'));
  const from = sp.get('from') ?? '';
  const to = sp.get('to') ?? '';
  const status = pickStatus(sp.get('status'));
  const courseParam = Number(sp.get('course'));
  const courseId = Number.isInteger(courseParam) && courseParam > 0 ? courseParam : null;

  const query: SessionQuery =
    view === 'month'
      ? {
          from: month.startOf('month').format('YYYY-MM-DD'),
          to: month.endOf('month').format('YYYY-MM-DD'),
          status,
          course_id: courseId,
        }
      : {
          from: isIsoDate(from) ? from : '',
          to: isIsoDate(to) ? to : '',
          status,
          course_id: courseId,
        };
  const list = useSessionList(query);
  const rows = list.data ?? [];

  const update = (patch: Record<string, string | null>) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === null || v === '') next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );

  const filtered = from !== '' || to !== '' || status !== null || courseId !== null;

  return (
    <>
      <Flex gap={8} wrap align="center" className="list-toolbar">
        <Segmented<View>
          id="session-view"
          value={view}
          onChange={(v) => update({ view: v === 'month' ? 'month' : null })}
          options={[
            { value: 'list', label: t('training.sessions.viewList'), className: 'session-view-list' },
            { value: 'month', label: t('training.sessions.viewMonth'), className: 'session-view-month' },
          ]}
        />
        {view === 'list' ? (
          <>
            <DateFilter
              key={`from-${resetCount}`}
              id="session-from"
              initial={from}
              placeholder={t('training.sessions.fromPlaceholder')}
              onDate={(v) => update({ from: v })}
            />
            <DateFilter
              key={`to-${resetCount}`}
              id="session-to"
              initial={to}
              placeholder={t('training.sessions.toPlaceholder')}
              onDate={(v) => update({ to: v })}
            />
          </>
        ) : null}
        <Select<SessionStatus>
          id="session-status-filter"
          allowClear
          virtual={false}
          style={{ width: 140 }}
          placeholder={t('training.sessions.allStatuses')}
          value={status ?? undefined}
          onChange={(v) => update({ status: v ?? null })}
          options={SESSION_STATUSES.map((s) => ({
            value: s,
            label: sessionStatusLabel(t, s),
            className: `session-status-option-${s}`,
          }))}
        />
        <Select<number>
          id="session-course-filter"
          allowClear
          virtual={false}
          style={{ width: 240 }}
          placeholder={t('training.sessions.allCourses')}
          value={courseId ?? undefined}
          onChange={(v) => update({ course: v ? String(v) : null })}
          showSearch={{ optionFilterProp: 'label' }}
          options={(courses.data ?? []).map((c) => ({
            value: c.id,
            label: `${c.code} ${courseTitle(c, language)}`,
            className: `session-course-filter-${c.code}`,
          }))}
        />
        {filtered ? (
          <Button
            type="link"
            id="session-clear-filters"
            onClick={() => {
              setResetCount((n) => n + 1);
              update({ from: null, to: null, status: null, course: null });
            }}
          >
            {t('list.clearFilters')}
          </Button>
        ) : null}
        <Space style={{ marginLeft: 'auto' }}>
          <Typography.Text type="secondary" id="session-count">
            {t('training.sessions.total', { count: rows.length })}
          </Typography.Text>
          <ExportTableButton
            id="session-export"
            title={t('training.sessions.exportTitle')}
            fileName={`${t('training.sessions.fileName')}-${officeNow().format('YYYYMMDD')}.xlsx`}
            busy={exporter.isPending}
            onExport={(path) =>
              exporter.mutateAsync({
                list: 'sessions',
                certificates: emptyCertificateQuery,
                sessions: query,
                lang: fileLanguage(language),
                path,
              })
            }
          />
          <Needs right="training">
            <Button
              id="session-new"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate('/training/sessions/new')}
            >
              {t('training.sessions.new')}
            </Button>
          </Needs>
        </Space>
      </Flex>
      {list.error && !list.data ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : view === 'month' ? (
        <MonthView month={month} rows={rows} onMonth={(m) => update({ month: m.format('YYYY-MM') })} />
      ) : (
        <SessionTable rows={rows} loading={list.isPending || list.isPlaceholderData} filtered={filtered} />
      )}
    </>
  );
}
