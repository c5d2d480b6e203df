import type { HookAPI } from 'antd/es/modal/useModal';
import type { TFunction } from 'i18next';

import type { CreditWarning } from '../../bindings/CreditWarning';
import { formatMoney } from '../../lib/money';

/**
 * Warns, with the figures, that distributors now owe more than their credit
 * limit. Posting is not refused: the clerk records what the books already hold.
 */
export function warnOverLimit(modal: HookAPI, t: TFunction, warnings: CreditWarning[]) {
  if (warnings.length === 0) return;
  modal.warning({
    title: t('receivables.overLimitTitle', { count: warnings.length }),
    okButtonProps: { id: 'credit-warning-ok' },
    content: (
      <div id="credit-warning">
        {warnings.map((w) => (
          <div key={w.distributor_id}>
            {t('receivables.overLimitLine', {
              name: `${w.code} ${w.name}`,
              balance: formatMoney(w.balance),
              limit: formatMoney(w.credit_limit),
              over: formatMoney(w.over_by),
            })}
          </div>
        ))}
      </div>
    ),
  });
}
