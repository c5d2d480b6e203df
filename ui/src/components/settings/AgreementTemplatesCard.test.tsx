import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import i18n from '../../i18n';
import { AgreementTemplatesCard } from './AgreementTemplatesCard';

const invokeMock = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tauri-apps/api/core')>()),
  invoke: invokeMock,
}));

const templates = {
  zh: '# 授权与区域\n甲方授权乙方在 {{territory}} 销售。\n{{territory_table}}\n',
  en: '# Territory\nThe Distributor sells in {{territory}}.\n{{territory_table}}\n',
};

function renderCard() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <App>
        <AgreementTemplatesCard />
      </App>
    </QueryClientProvider>,
  );
}

function byId(id: string): HTMLElement {
  return document.getElementById(id) as HTMLElement;
}

function saves(): unknown[] {
  return invokeMock.mock.calls.filter((c) => c[0] === 'agreement_templates_save').map((c) => c[1].req);
}

describe('AgreementTemplatesCard', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  beforeEach(() => {
    invokeMock.mockReset();
  });

  it('lists the placeholders and shows an unknown one next to its template', async () => {
    invokeMock.mockImplementation(async (cmd: string, args?: { req: unknown }) => {
      if (cmd === 'agreement_templates_get') return templates;
      if (cmd === 'agreement_templates_save') {
        throw {
          kind: 'validation',
          fields: [
            { field: 'en', code: 'unknown_placeholder', detail: 'distributor.fax' },
            { field: 'en', code: 'table_placeholder_inline', detail: 'rebate_table' },
          ],
        };
      }
      throw new Error(`unexpected ${cmd} ${JSON.stringify(args)}`);
    });
    renderCard();
    await waitFor(() => expect(byId('agreement-template-zh')).toHaveValue(templates.zh));
    expect(byId('agreement-template-en')).toHaveValue(templates.en);
    const help = byId('agreement-template-help');
    expect(help).toHaveTextContent('{{credit_limit.words}}');
    expect(help).toHaveTextContent('{{targets_table}}');

    const en = `${templates.en}Fax: {{distributor.fax}}\nSee {{rebate_table}}\n`;
    fireEvent.change(byId('agreement-template-en'), { target: { value: en } });
    await act(async () => {
      fireEvent.click(byId('agreement-templates-save'));
    });
    const item = byId('agreement-template-en').closest('.ant-form-item') as HTMLElement;
    expect(await within(item).findByText('Unknown placeholder distributor.fax')).toBeInTheDocument();
    expect(
      within(item).getByText('Table placeholder rebate_table must stand alone on its line'),
    ).toBeInTheDocument();
    const zhItem = byId('agreement-template-zh').closest('.ant-form-item') as HTMLElement;
    expect(within(zhItem).queryByText(/placeholder/i)).toBeNull();
    expect(saves()).toEqual([{ zh: templates.zh, en }]);
  });

  it('saves both templates', async () => {
    invokeMock.mockImplementation(async (cmd: string, args?: { req: unknown }) => {
      if (cmd === 'agreement_templates_get') return templates;
      if (cmd === 'agreement_templates_save') return args?.req;
      if (cmd === 'audit_list') return [];
      throw new Error(`unexpected ${cmd}`);
    });
    renderCard();
    await waitFor(() => expect(byId('agreement-template-zh')).toHaveValue(templates.zh));
    const zh = `${templates.zh}# 特别约定\n{{special_clauses}}\n`;
    fireEvent.change(byId('agreement-template-zh'), { target: { value: zh } });
    await act(async () => {
      fireEvent.click(byId('agreement-templates-save'));
    });
    await waitFor(() => expect(saves()).toEqual([{ zh, en: templates.en }]));
  });
});
