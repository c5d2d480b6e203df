import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

import type { DistributorQuery } from '../../bindings/DistributorQuery';
import { dialogs, toAppError } from '../../ipc';
import { useExportDistributors } from '../../ipc/queries';
import { appErrorMessage } from '../../lib/errors';
import { officeNow } from '../../lib/dates';
import { useRights } from '../../ipc/login';

/** Writes the current view (search, filters, sort; every page) to CSV or XLSX. */
export function ExportButtons({ query }: { query: DistributorQuery }) {
  const { t, i18n } = useTranslation();
  const rights = useRights();
  const { message } = App.useApp();
  const exporter = useExportDistributors();

  const run = async (format: 'csv' | 'xlsx') => {
    try {
      const name = `${t('export.fileName')}-${officeNow().format('YYYYMMDD')}.${format}`;
      const path = await dialogs.pickExportPath(t('export.saveTitle'), format, name);
      if (!path) return;
      const count = await exporter.mutateAsync({
        path,
        query: { ...query, offset: 0, limit: 0 },
        language: i18n.language.startsWith('zh') ? 'zh-CN' : 'en',
      });
      message.success(t('export.done', { count, path }));
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };

  if (!rights.may('export')) return null;
  return (
    <Space.Compact>
      <Button
        id="distributor-export-csv"
        icon={<DownloadOutlined />}
        loading={exporter.isPending && exporter.variables?.path.endsWith('.csv')}
        onClick={() => void run('csv')}
      >
        {t('list.exportCsv')}
      </Button>
      <Button
        id="distributor-export-xlsx"
        loading={exporter.isPending && exporter.variables?.path.endsWith('.xlsx')}
        onClick={() => void run('xlsx')}
      >
        {t('list.exportXlsx')}
      </Button>
    </Space.Compact>
  );
}
