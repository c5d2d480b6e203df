import { DatabaseOutlined, FilePdfOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

import { DistributorTable } from '../components/distributors/DistributorTable';
import { ExportButtons } from '../components/distributors/ExportButtons';
import { ListFilters } from '../components/distributors/ListFilters';
import { useImportFlow } from '../components/distributors/useImportFlow';
import { LateComplaintsButton } from '../components/complaints/LateComplaintsButton';
import { BatchStatementsModal } from '../components/ledger/BatchStatementsModal';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { DistributorFormDrawer } from '../forms/DistributorFormDrawer';
import { useListParams } from '../hooks/useListParams';
import { toAppError } from '../ipc';
import { useDistributorCount, useDistributorList, useLoadSample } from '../ipc/queries';
import { appErrorMessage } from '../lib/errors';
import { Needs } from '../components/Needs';

export function DistributorListPage() {
  const { t } = useTranslation();
  const { params, query, update, reset, filtered } = useListParams();
  const list = useDistributorList(query);
  const count = useDistributorCount();
  const importFlow = useImportFlow();
  const [creating, setCreating] = useState(false);
  const [batching, setBatching] = useState(false);
  const { message } = App.useApp();
  const sample = useLoadSample();

  // The first-start guide's "import my distributor sheet" lands here and starts the import once.
  const location = useLocation();
  const navigate = useNavigate();
  const started = useRef(false);
  const startImport = (location.state as { startImport?: boolean } | null)?.startImport === true;
  useEffect(() => {
    if (startImport && !started.current) {
      started.current = true;
      void navigate(location.pathname + location.search, { replace: true, state: null });
      importFlow.start();
    }
  }, [startImport, importFlow, navigate, location.pathname, location.search]);

  const loadSample = async () => {
    try {
      const count = await sample.mutateAsync();
      message.success(t('list.demoLoaded', { count }));
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };

  const noneAtAll = count.data === 0;
  const empty = noneAtAll ? (
    <div id="distributor-empty">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('list.emptyAll')}>
        <Space>
          <Needs right="channel">
            <Button id="empty-new" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('list.new')}
            </Button>
          </Needs>
          <Needs right="channel">
            <Button id="empty-import" icon={<ImportOutlined />} onClick={importFlow.start}>
              {t('list.import')}
            </Button>
          </Needs>
          {filtered ? null : (
            <Button
              id="demo-load"
              icon={<DatabaseOutlined />}
              loading={sample.isPending}
              onClick={() => void loadSample()}
            >
              {t('list.demoLoad')}
            </Button>
          )}
        </Space>
      </Empty>
    </div>
  ) : (
    <div id="distributor-no-match">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('list.emptySearch')}>
        {filtered ? <Button onClick={reset}>{t('list.clearFilters')}</Button> : null}
      </Empty>
    </div>
  );

  return (
    <>
      <PageHeader
        title={t('list.title')}
        extra={
          <>
            <LateComplaintsButton />
            <Needs right="channel">
              <Button
                id="distributor-new"
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
              >
                {t('list.new')}
              </Button>
            </Needs>
            <Needs right="channel">
              <Button
                id="distributor-import"
                icon={<ImportOutlined />}
                loading={importFlow.busy}
                onClick={importFlow.start}
              >
                {t('list.import')}
              </Button>
            </Needs>
            <ExportButtons query={query} />
            <Needs right="finance">
              <Button id="statements-batch" icon={<FilePdfOutlined />} onClick={() => setBatching(true)}>
                {t('batch.button')}
              </Button>
            </Needs>
          </>
        }
      />
      <div className="page-card">
        <ListFilters params={params} filtered={filtered} onChange={update} onReset={reset} />
        {list.error && !list.data ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <DistributorTable
            rows={list.data?.rows ?? []}
            total={list.data?.total ?? 0}
            loading={list.isFetching}
            params={params}
            empty={list.isLoading ? <span /> : empty}
            onChange={update}
          />
        )}
      </div>
      <DistributorFormDrawer open={creating} onClose={() => setCreating(false)} />
      {importFlow.modal}
      {batching ? <BatchStatementsModal onClose={() => setBatching(false)} /> : null}
    </>
  );
}
