import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Flex, Input, Select, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import type { AgreementListQuery } from '../bindings/AgreementListQuery';
import type { AgreementStatus } from '../bindings/AgreementStatus';
import { AGREEMENT_STATUSES, agreementStatusLabel } from '../components/agreements/agreementLib';
import { AgreementTable } from '../components/agreements/AgreementTable';
import { ExportTableButton } from '../components/agreements/ExportTableButton';
import { NewAgreementModal } from '../components/agreements/NewAgreementModal';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { normaliseLanguage } from '../i18n';
import { useAgreementList, useExportAgreements } from '../ipc/agreements';
import { officeNow } from '../lib/dates';
import { ALL_ROWS, useServerPaging } from '../lib/paging';
import { Needs } from '../components/Needs';

const SEARCH_DELAY_MS = 200;

function pickStatus(v: string | null): AgreementStatus | null {
  return v !== null && (AGREEMENT_STATUSES as string[]).includes(v) ? (v as AgreementStatus) : null;
}

/** Search-as-you-type box that reports after a short pause. */
function SearchBox({ initial, onSearch }: { initial: string; onSearch: (v: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return (
    <Input
      id="agreement-search"
      allowClear
      value={text}
      prefix={<SearchOutlined className="muted" />}
      placeholder={t('agreement.list.searchPlaceholder')}
      style={{ width: 320 }}
      onChange={(e) => {
        const v = e.target.value;
        setText(v);
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => onSearch(v.trim()), SEARCH_DELAY_MS);
      }}
    />
  );
}

/** Every agreement (the newest version of each, or all versions), filtered in the URL. */
export function AgreementListPage() {
  const { t, i18n } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const exporter = useExportAgreements();
  const [creating, setCreating] = useState(false);
  const [resetCount, setResetCount] = useState(0);

  const filters = useMemo(
    () => ({
      distributor_id: null,
      status: pickStatus(sp.get('status')),
      text: sp.get('q') ?? '',
      all_versions: sp.get('all') === '1',
    }),
    [sp],
  );
  const { paging, pagination } = useServerPaging(filters);
  const query: AgreementListQuery = { ...filters, ...paging };
  const list = useAgreementList(query);

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

  const filtered = query.text !== '' || query.status !== null;
  const rows = list.data?.rows ?? [];

  return (
    <>
      <PageHeader
        title={t('agreement.list.title')}
        extra={
          <>
            <ExportTableButton
              id="agreement-export"
              title={t('agreement.export.listTitle')}
              fileName={`${t('agreement.export.listFileName')}-${officeNow().format('YYYYMMDD')}.xlsx`}
              busy={exporter.isPending}
              onExport={(path) =>
                exporter.mutateAsync({
                  query: { ...filters, ...ALL_ROWS },
                  lang: normaliseLanguage(i18n.language) ?? 'zh-CN',
                  path,
                })
              }
            />
            <Needs right="channel">
              <Button
                id="agreement-new"
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
              >
                {t('agreement.list.new')}
              </Button>
            </Needs>
          </>
        }
      />
      <div className="page-card">
        <Flex gap={8} wrap align="center" className="list-toolbar">
          <SearchBox key={resetCount} initial={query.text} onSearch={(q) => update({ q })} />
          <Select<AgreementStatus>
            id="agreement-status-filter"
            allowClear
            virtual={false}
            style={{ width: 160 }}
            placeholder={t('agreement.list.allStatuses')}
            value={query.status ?? undefined}
            onChange={(v) => update({ status: v ?? null })}
            options={AGREEMENT_STATUSES.map((s) => ({
              value: s,
              label: agreementStatusLabel(t, s),
              className: `agreement-status-option-${s}`,
            }))}
          />
          <Checkbox
            id="agreement-all-versions"
            checked={query.all_versions}
            onChange={(e) => update({ all: e.target.checked ? '1' : null })}
          >
            {t('agreement.list.allVersions')}
          </Checkbox>
          {filtered ? (
            <Button
              type="link"
              id="agreement-clear-filters"
              onClick={() => {
                setResetCount((n) => n + 1);
                update({ q: null, status: null });
              }}
            >
              {t('list.clearFilters')}
            </Button>
          ) : null}
          <Typography.Text type="secondary" id="agreement-count" style={{ marginLeft: 'auto' }}>
            {t('agreement.list.total', { count: list.data?.total ?? 0 })}
          </Typography.Text>
        </Flex>
        {list.error && !list.data ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <AgreementTable
            id="agreement-table"
            rows={rows}
            pagination={pagination(list.data?.total)}
            loading={list.isPending || list.isPlaceholderData}
            empty={
              list.isLoading ? (
                <span />
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={filtered ? t('agreement.list.emptyFiltered') : t('agreement.list.empty')}
                />
              )
            }
          />
        )}
      </div>
      {creating ? <NewAgreementModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
