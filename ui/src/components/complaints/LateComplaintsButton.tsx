import { AlertOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { useLateComplaintCount } from '../../ipc/queries';

/** "N late or at risk": opens the complaint list's late view; refreshed every minute. */
export function LateComplaintsButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const late = useLateComplaintCount();
  const count = late.data ?? 0;
  return (
    <Badge count={count} size="small" offset={[-4, 2]}>
      <Button
        id="complaints-late-count"
        data-count={count}
        danger={count > 0}
        icon={<AlertOutlined />}
        onClick={() => void navigate('/complaints?view=late')}
      >
        {t('complaints.lateCount', { count })}
      </Button>
    </Badge>
  );
}
