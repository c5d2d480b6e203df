// Who works in this window: the login screen, the first owner, logging out.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { LoginRequest } from '../bindings/LoginRequest';
import type { PasswordChange } from '../bindings/PasswordChange';
import type { SessionView } from '../bindings/SessionView';
import type { PasswordReset } from '../bindings/PasswordReset';
import type { UserInput } from '../bindings/UserInput';
import type { UserUpdate } from '../bindings/UserUpdate';
import { afterWrite, ROOTS } from './cache';
import { call } from './index';

export const loginKeys = {
  state: [...ROOTS.login, 'state'] as const,
  users: [...ROOTS.users, 'list'] as const,
};

export function useLoginState() {
  return useQuery({ queryKey: loginKeys.state, queryFn: () => call('login_state'), staleTime: Infinity });
}

/** Login, logout and the first owner answer with the new state; every other answer is read again. */
function useSessionChange<Req>(
  cmd: 'login' | 'logout' | 'first_owner_add',
  send: (req: Req) => Promise<SessionView>,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (state) => {
      qc.setQueryData(loginKeys.state, state);
      return afterWrite(qc, cmd, loginKeys.state);
    },
  });
}

export function useLogin() {
  return useSessionChange('login', (req: LoginRequest) => call('login', req));
}

export function useLogout() {
  return useSessionChange('logout', () => call('logout'));
}

export function useFirstOwner() {
  return useSessionChange('first_owner_add', (req: UserInput) => call('first_owner_add', req));
}

export function usePasswordChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: PasswordChange) => call('password_change', req),
    onSuccess: () => afterWrite(qc, 'password_change'),
  });
}

/** What this window may do: the keys of core's rights (`finance`, `export`…). */
export function useRights() {
  const state = useLoginState();
  const rights = state.data?.rights;
  return {
    loaded: rights !== undefined,
    may: (right: Right) => rights?.includes(right) ?? false,
  };
}

/** core's `actor::Right` keys. */
export type Right =
  'users' | 'settings' | 'backup' | 'channel' | 'finance' | 'service' | 'training' | 'export';

export function useUsers(enabled = true) {
  return useQuery({ queryKey: loginKeys.users, queryFn: () => call('user_list'), enabled });
}

export function useUserAdd() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: UserInput) => call('user_add', req),
    onSuccess: () => afterWrite(qc, 'user_add'),
  });
}

export function useUserUpdate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: UserUpdate) => call('user_update', req),
    onSuccess: () => afterWrite(qc, 'user_update'),
  });
}

export function usePasswordReset() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: PasswordReset) => call('user_password_reset', req),
    onSuccess: () => afterWrite(qc, 'user_password_reset'),
  });
}
