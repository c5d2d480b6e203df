import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

import type { AppError } from '../bindings/AppError';
import { appErrorMessage } from '../lib/errors';

/** A failed load, with a retry button. */
export function QueryError({ error, onRetry }: { error: AppError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status={error.kind === 'not_found' ? '404' : 'error'}
      title={appErrorMessage(error, t)}
      extra={
        onRetry ? (
          <Button onClick={onRetry} type="primary">
            {t('common.retry')}
          </Button>
        ) : null
      }
    />
  );
}
