import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Distributor } from '../../bindings/Distributor';
import { emptyComplaintQuery, useComplaintList } from '../../ipc/queries';
import { useServerPaging } from '../../lib/paging';
import { QueryError } from '../QueryError';
import { ComplaintTable } from './ComplaintTable';
import { IntakeModal } from './IntakeModal';
import { Needs } from '../Needs';

/** A distributor's complaints, with intake pre-filled for this distributor. */
export function DistributorComplaintsTab({ distributor }: { distributor: Distributor }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const filters = { ...emptyComplaintQuery, distributor_id: distributor.id };
  const { paging, pagination } = useServerPaging(filters);
  const list = useComplaintList({ ...filters, ...paging });
  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Needs right="service">
          <Button id="complaint-new" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('complaints.new')}
          </Button>
        </Needs>
      </Flex>
      {list.error && !list.data ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ComplaintTable
          id="complaint-table"
          rows={list.data?.rows ?? []}
          pagination={pagination(list.data?.total)}
          loading={list.isPending}
          showDistributor={false}
          empty={
            list.isPending ? (
              <span />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('complaints.emptyDistributor')} />
            )
          }
        />
      )}
      {creating ? (
        <IntakeModal
          distributor={{ id: distributor.id, code: distributor.code, name: distributor.name }}
          onClose={() => setCreating(false)}
        />
      ) : null}
    </>
  );
}
