import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import type { Distributor } from '../../bindings/Distributor';
import { emptyAgreementQuery, useAgreementList } from '../../ipc/agreements';
import { useServerPaging } from '../../lib/paging';
import { QueryError } from '../QueryError';
import { AgreementTable } from './AgreementTable';
import { Needs } from '../Needs';

/** A distributor's agreements, every version, with a button to start a new one. */
export function DistributorAgreementsTab({ distributor }: { distributor: Distributor }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const filters = { ...emptyAgreementQuery, distributor_id: distributor.id, all_versions: true };
  const { paging, pagination } = useServerPaging(filters);
  const list = useAgreementList({ ...filters, ...paging });
  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Needs right="channel">
          <Button
            id="distributor-agreement-new"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate(`/agreements/new?distributor=${distributor.id}`)}
          >
            {t('agreement.list.new')}
          </Button>
        </Needs>
      </Flex>
      {list.error && !list.data ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <AgreementTable
          id="distributor-agreement-table"
          rows={list.data?.rows ?? []}
          pagination={pagination(list.data?.total)}
          loading={list.isPending}
          showDistributor={false}
          empty={
            list.isPending ? (
              <span />
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('agreement.list.emptyDistributor')}
              />
            )
          }
        />
      )}
    </>
  );
}
