import { DeleteOutlined, PictureOutlined } from '@ant-design/icons';
import { App, Button, Col, Flex, Form, Image, Input, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CompanyProfile } from '../../bindings/CompanyProfile';
import { ruleFrom } from '../../forms/rules';
import { dialogs, toAppError } from '../../ipc';
import { useCompanyLogo, useRemoveCompanyLogo, useSetCompanyLogo } from '../../ipc/setup';
import { appErrorMessage } from '../../lib/errors';
import { checkMaxLength, checkPhone, checkUscc } from '../../lib/validation';

/** The company's fields as forms edit them (the logo has its own control). */
export const COMPANY_FIELDS = [
  'name',
  'short_name',
  'address',
  'phone',
  'tax_no',
  'bank_name',
  'bank_account',
] as const;
type CompanyField = (typeof COMPANY_FIELDS)[number];

const WIDE: CompanyField[] = ['name', 'address'];
const MAX: Record<CompanyField, number> = {
  name: 100,
  short_name: 30,
  address: 200,
  phone: 100,
  tax_no: 18,
  bank_name: 100,
  bank_account: 100,
};

/** The profile as saved: every field trimmed. */
export function trimmedCompany(c: Partial<CompanyProfile> | undefined): CompanyProfile {
  const v = (k: CompanyField) => ((c?.[k] as string | undefined) ?? '').trim();
  return {
    name: v('name'),
    short_name: v('short_name'),
    address: v('address'),
    phone: v('phone'),
    tax_no: v('tax_no').toUpperCase(),
    bank_name: v('bank_name'),
    bank_account: v('bank_account'),
  };
}

/** Form items under `company.*`; `idPrefix` keeps ids unique when two forms show them. */
export function CompanyFields({ idPrefix }: { idPrefix?: string }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      {COMPANY_FIELDS.map((f) => (
        <Col span={WIDE.includes(f) ? 12 : 8} key={f}>
          <Form.Item
            name={['company', f]}
            label={t(`fields.company.${f}`)}
            htmlFor={idPrefix ? `${idPrefix}-${f}` : undefined}
            rules={[
              ruleFrom<string>(t, (v) =>
                f === 'phone' ? checkPhone(v) : f === 'tax_no' ? checkUscc(v) : checkMaxLength(v, MAX[f]),
              ),
            ]}
          >
            <Input id={idPrefix ? `${idPrefix}-${f}` : undefined} autoComplete="off" maxLength={MAX[f]} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

/**
 * The logo: a preview, a path typed or chosen in the system dialog, and
 * removal. Saved at once (it is kept in the database, not in the form).
 */
export function CompanyLogoField({ idPrefix = 'company-logo' }: { idPrefix?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const logo = useCompanyLogo();
  const set = useSetCompanyLogo();
  const remove = useRemoveCompanyLogo();
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);

  const apply = async (p: string) => {
    if (!p.trim()) return;
    try {
      await set.mutateAsync(p.trim());
      setPath('');
      setError(null);
      message.success(t('guide.logoSet'));
    } catch (e) {
      setError(appErrorMessage(toAppError(e), t));
    }
  };
  const browse = async () => {
    try {
      const picked = await dialogs.pickImageFile(t('guide.logoChoose'), t('fields.logo'));
      if (picked) {
        setPath(picked);
        await apply(picked);
      }
    } catch (e) {
      setError(appErrorMessage(toAppError(e), t));
    }
  };

  return (
    <Form.Item
      label={t('fields.logo')}
      extra={t('guide.logoHint')}
      validateStatus={error ? 'error' : undefined}
      help={error ?? undefined}
    >
      <Flex gap={16} align="center" wrap>
        <div id={`${idPrefix}-preview`} className="logo-preview">
          {logo.data ? (
            <Image
              src={logo.data.data_url}
              alt={t('fields.logo')}
              height={48}
              preview={false}
              data-size={`${logo.data.width}x${logo.data.height}`}
            />
          ) : (
            <Typography.Text type="secondary">{t('guide.logoNone')}</Typography.Text>
          )}
        </div>
        <Space.Compact style={{ flex: 1, minWidth: 280 }}>
          <Input
            id={`${idPrefix}-path`}
            value={path}
            placeholder={t('guide.logoPath')}
            onChange={(e) => setPath(e.target.value)}
            onPressEnter={() => void apply(path)}
          />
          <Button id={`${idPrefix}-use`} loading={set.isPending} onClick={() => void apply(path)}>
            {t('guide.logoUse')}
          </Button>
          <Button id={`${idPrefix}-browse`} icon={<PictureOutlined />} onClick={() => void browse()}>
            {t('guide.logoChoose')}
          </Button>
        </Space.Compact>
        {logo.data ? (
          <Button
            id={`${idPrefix}-remove`}
            icon={<DeleteOutlined />}
            loading={remove.isPending}
            onClick={() =>
              void remove.mutateAsync().catch((e) => setError(appErrorMessage(toAppError(e), t)))
            }
          >
            {t('guide.logoRemove')}
          </Button>
        ) : null}
      </Flex>
    </Form.Item>
  );
}
