import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Distributor } from '../../bindings/Distributor';
import { call, toAppError } from '../../ipc';
import { useLoginState, useRights, useUsers } from '../../ipc/login';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { afterWrite } from '../../ipc/cache';
import { appErrorMessage } from '../../lib/errors';

/**
 * The responsible manager: a user of the office. Users whose scope is "the
 * distributors they manage" see this distributor's records.
 */
export function ManagerField({ d }: { d: Distributor }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const state = useLoginState();
  const { may } = useRights();
  const hasUsers = state.data?.required ?? false;
  const users = useUsers(hasUsers);
  const qc = useQueryClient();
  const set = useMutation({
    mutationFn: (manager_id: number | null) => call('distributor_manager_set', { id: d.id, manager_id }),
    onSuccess: () => afterWrite(qc, 'distributor_manager_set'),
  });
  const none = <span className="muted">{t('common.none')}</span>;
  if (!hasUsers) return none;
  const name = users.data?.find((u) => u.id === d.manager_id)?.display_name;
  if (!may('channel')) return name ? <span id="distributor-manager">{name}</span> : none;
  return (
    <Select
      id="distributor-manager"
      size="small"
      style={{ minWidth: 200 }}
      allowClear
      placeholder={t('detail.noManager')}
      loading={users.isPending || set.isPending}
      value={d.manager_id ?? undefined}
      options={(users.data ?? [])
        .filter((u) => !u.disabled || u.id === d.manager_id)
        .map((u) => ({
          value: u.id,
          label: <span className={`manager-option-${u.login}`}>{`${u.display_name} (${u.login})`}</span>,
        }))}
      onChange={(v?: number) =>
        set.mutate(v ?? null, {
          onSuccess: () => message.success(t('detail.managerSaved')),
          onError: (e) => message.error(appErrorMessage(toAppError(e), t)),
        })
      }
    />
  );
}
