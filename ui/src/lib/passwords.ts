import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** The "password again" rule: the same as the form's `field`. */
export function sameAs(field: string, t: TFunction): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_, value: string) =>
      !value || getFieldValue(field) === value
        ? Promise.resolve()
        : Promise.reject(new Error(t('login.mismatch'))),
  });
}
