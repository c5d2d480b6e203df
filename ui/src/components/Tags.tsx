import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Status } from '../bindings/Status';
import type { Tier } from '../bindings/Tier';
import { useTierLabel } from '../hooks/useTierLabel';

const STATUS_COLOR: Record<Status, string> = {
  applicant: 'default',
  under_review: 'processing',
  approved: 'cyan',
  rejected: 'red',
  active: 'success',
  suspended: 'warning',
  terminated: 'default',
};

const TIER_COLOR: Record<Tier, string> = {
  strategic: 'gold',
  core: 'blue',
  basic: 'default',
};

export function StatusTag({ status, id }: { status: Status; id?: string }) {
  const { t } = useTranslation();
  return (
    <Tag id={id} color={STATUS_COLOR[status]} data-status={status} variant="filled">
      {t(`status.${status}`)}
    </Tag>
  );
}

export function TierTag({ tier, id }: { tier: Tier; id?: string }) {
  const tierLabel = useTierLabel();
  return (
    <Tag id={id} color={TIER_COLOR[tier]} data-tier={tier}>
      {tierLabel(tier)}
    </Tag>
  );
}
