import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, Segmented, Select, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import type { ComplaintQuery } from '../bindings/ComplaintQuery';
import type { ComplaintStatus } from '../bindings/ComplaintStatus';
import type { ComplaintView } from '../bindings/ComplaintView';
import type { Priority } from '../bindings/Priority';
import { ComplaintTable } from '../components/complaints/ComplaintTable';
import { IntakeModal } from '../components/complaints/IntakeModal';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { useComplaintList, useComplaintSettings } from '../ipc/queries';
import {
  COMPLAINT_STATUSES,
  PRIORITIES,
  choiceOptions,
  complaintStatusLabel,
  priorityLabel,
} from '../lib/complaints';
import { useServerPaging } from '../lib/paging';
import { Needs } from '../components/Needs';

const VIEWS: ComplaintView[] = ['all', 'late', 'knowledge'];
const SEARCH_DELAY_MS = 200;

function pick<T extends string>(v: string | null, allowed: readonly T[]): T | null {
  return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : null;
}

/** Search-as-you-type box that reports after a short pause. */
function SearchBox({
  initial,
  placeholder,
  onSearch,
}: {
  initial: string;
  placeholder: string;
  onSearch: (v: string) => void;
}) {
  const [text, setText] = useState(initial);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return (
    <Input
      id="complaint-search"
      allowClear
      value={text}
      prefix={<SearchOutlined className="muted" />}
      placeholder={placeholder}
      style={{ width: 360 }}
      onChange={(e) => {
        const v = e.target.value;
        setText(v);
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => onSearch(v.trim()), SEARCH_DELAY_MS);
      }}
    />
  );
}

/** Complaints: every one, the late and at-risk ones by time left, or the resolved ones as a knowledge base. */
export function ComplaintListPage() {
  const { t, i18n } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [resetCount, setResetCount] = useState(0);
  const settings = useComplaintSettings();
  const language = i18n.resolvedLanguage ?? i18n.language;

  const filters = useMemo(
    () => ({
      view: pick(sp.get('view'), VIEWS) ?? 'all',
      search: sp.get('q') ?? '',
      status: pick<ComplaintStatus>(sp.get('status'), COMPLAINT_STATUSES),
      category: sp.get('category') ?? '',
      priority: pick<Priority>(sp.get('priority'), PRIORITIES),
      distributor_id: null,
    }),
    [sp],
  );
  const { paging, pagination } = useServerPaging(filters);
  const query: ComplaintQuery = { ...filters, ...paging };
  const list = useComplaintList(query);

  const update = (patch: Record<string, string | null>) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === null || v === '' || (k === 'view' && v === 'all')) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );

  const filtered =
    query.search !== '' || query.status !== null || query.category !== '' || query.priority !== null;
  const rows = list.data?.rows ?? [];

  const emptyText = filtered
    ? t('complaints.emptyFiltered')
    : query.view === 'late'
      ? t('complaints.emptyLate')
      : query.view === 'knowledge'
        ? t('complaints.emptyKnowledge')
        : t('complaints.empty');

  return (
    <>
      <PageHeader
        title={t('complaints.title')}
        extra={
          <Needs right="service">
            <Button
              id="complaint-new"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
            >
              {t('complaints.new')}
            </Button>
          </Needs>
        }
      />
      <div className="page-card">
        <Flex gap={8} wrap align="center" className="list-toolbar">
          <Segmented<ComplaintView>
            id="complaint-view"
            value={query.view}
            onChange={(v) => update({ view: v })}
            options={VIEWS.map((v) => ({
              value: v,
              label: <span id={`complaint-view-${v}`}>{t(`complaints.views.${v}`)}</span>,
            }))}
          />
          <SearchBox
            key={resetCount}
            initial={query.search}
            placeholder={
              query.view === 'knowledge' ? t('complaints.searchKnowledge') : t('complaints.searchPlaceholder')
            }
            onSearch={(q) => update({ q })}
          />
          <Select<ComplaintStatus>
            id="complaint-filter-status"
            allowClear
            virtual={false}
            style={{ width: 150 }}
            placeholder={t('complaints.allStatuses')}
            value={query.status ?? undefined}
            onChange={(v) => update({ status: v ?? null })}
            options={COMPLAINT_STATUSES.map((s) => ({
              value: s,
              label: complaintStatusLabel(t, s),
              className: `status-option-${s}`,
            }))}
          />
          <Select<string>
            id="complaint-filter-category"
            allowClear
            virtual={false}
            style={{ width: 150 }}
            placeholder={t('complaints.allCategories')}
            value={query.category || undefined}
            onChange={(v) => update({ category: v ?? null })}
            options={choiceOptions(settings.data?.categories, language, 'category')}
          />
          <Select<Priority>
            id="complaint-filter-priority"
            allowClear
            virtual={false}
            style={{ width: 130 }}
            placeholder={t('complaints.allPriorities')}
            value={query.priority ?? undefined}
            onChange={(v) => update({ priority: v ?? null })}
            options={PRIORITIES.map((p) => ({
              value: p,
              label: `${priorityLabel(p)} ${t(`priority.${p}`)}`,
              className: `priority-option-${p}`,
            }))}
          />
          {filtered ? (
            <Button
              type="link"
              id="complaint-clear-filters"
              onClick={() => {
                setResetCount((n) => n + 1);
                update({ q: null, status: null, category: null, priority: null });
              }}
            >
              {t('list.clearFilters')}
            </Button>
          ) : null}
          <Typography.Text type="secondary" id="complaint-count" style={{ marginLeft: 'auto' }}>
            {t('complaints.total', { count: list.data?.total ?? 0 })}
          </Typography.Text>
        </Flex>
        {list.error && !list.data ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <ComplaintTable
            id="complaint-table"
            rows={rows}
            pagination={pagination(list.data?.total)}
            loading={list.isPending || list.isPlaceholderData}
            empty={
              list.isLoading ? (
                <span />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
              )
            }
          />
        )}
      </div>
      {creating ? <IntakeModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
