import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import type { AppError } from '../bindings/AppError';
import i18n from '../i18n';
import { DistributorForm } from './DistributorForm';

function renderForm(onSubmit = vi.fn().mockResolvedValue(undefined)) {
  // Tier names come from the settings query; without a shell it fails and the defaults show.
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ConfigProvider locale={zhCN}>
        <App>
          <DistributorForm mode="create" nextCode="DS00042" onSubmit={onSubmit} />
        </App>
      </ConfigProvider>
    </QueryClientProvider>,
  );
  return onSubmit;
}

function type(id: string, value: string) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no element #${id}`);
  fireEvent.change(el, { target: { value } });
}

function fillValid() {
  type('distributor_name', '福州闽江商贸有限公司');
  type('distributor_uscc', '91350100M000100Y43');
  type('distributor_contact_name', '林伟');
  type('distributor_contact_phone', '138 0591 2345');
  type('distributor_province', '福建省');
}

async function save() {
  await act(async () => {
    fireEvent.click(document.getElementById('distributor-save') as HTMLElement);
  });
}

describe('DistributorForm', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('names the form and its inputs for Form.setFields and E2E', () => {
    renderForm();
    expect(document.getElementById('distributor-form')?.tagName).toBe('FORM');
    expect(document.getElementById('distributor_uscc')).toBeInTheDocument();
    expect(document.getElementById('distributor_code')).toHaveAttribute(
      'placeholder',
      '留空自动生成：DS00042',
    );
  });

  it('shows the expected check character for a wrong USCC and does not submit', async () => {
    const onSubmit = renderForm();
    fillValid();
    type('distributor_uscc', '91110000802100433C');
    await save();
    expect(await screen.findByText('校验位错误，应为 B')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('flags required fields', async () => {
    const onSubmit = renderForm();
    await save();
    await waitFor(() => expect(screen.getAllByText('必填').length).toBeGreaterThanOrEqual(5));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends a clean profile with money as a string', async () => {
    const onSubmit = renderForm();
    fillValid();
    type('distributor_credit_limit', '1,200,000.5');
    await save();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const input = onSubmit.mock.calls[0][0];
    expect(input).toMatchObject({
      code: '',
      name: '福州闽江商贸有限公司',
      uscc: '91350100M000100Y43',
      province: '福建省',
      credit_limit: '1,200,000.5',
      payment_terms_days: 30,
      tier: 'basic',
    });
  });

  it('puts server validation and conflict errors on their fields', async () => {
    const conflict: AppError = { kind: 'conflict', field: 'uscc', value: '91350100M000100Y43' };
    const onSubmit = renderForm(vi.fn().mockRejectedValueOnce(conflict));
    fillValid();
    await save();
    expect(await screen.findByText('「91350100M000100Y43」已被其他记录使用')).toBeInTheDocument();

    const invalid: AppError = {
      kind: 'validation',
      fields: [{ field: 'contact_email', code: 'email_format', detail: null }],
    };
    onSubmit.mockRejectedValueOnce(invalid);
    await save();
    expect(await screen.findByText('电子邮箱格式不正确')).toBeInTheDocument();
  });
});
