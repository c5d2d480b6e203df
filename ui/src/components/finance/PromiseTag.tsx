import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import type { PromiseState } from '../../bindings/PromiseState';

const COLOR: Record<PromiseState, string> = { pending: 'blue', kept: 'green', broken: 'red' };

/** Pending, kept or broken: a payment promise's state today. */
export function PromiseTag({ state }: { state: PromiseState | null }) {
  const { t } = useTranslation();
  if (state === null) return null;
  return (
    <Tag color={COLOR[state]} className={`promise-${state}`}>
      {t(`collections.promise.${state}`)}
    </Tag>
  );
}
