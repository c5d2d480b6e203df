// Checked by `tsc --noEmit` (part of the test command): `call` is typed by the
// command map generated from core/src/api.rs. Each `@ts-expect-error` below must
// meet an error, or tsc fails with "Unused '@ts-expect-error' directive".
import type { Distributor } from '../bindings/Distributor';
import type { Settings } from '../bindings/Settings';
import { call } from './index';

export async function typedCalls(settings: Settings): Promise<void> {
  const saved: Settings = await call('settings_save', settings);
  const info = await call('app_info');
  void [saved, info.today];

  // @ts-expect-error an unknown command
  await call('distributor_delete', 1);
  // @ts-expect-error the wrong request: an id is a number
  await call('distributor_get', '7');
  // @ts-expect-error a request for a command that takes none
  await call('app_info', {});
  // @ts-expect-error a missing request
  await call('distributor_get');
  // @ts-expect-error a language outside the closed type
  await call('settings_set_language', 'fr');
  // @ts-expect-error the wrong response: a distributor page is not a distributor
  const wrong: Distributor = await call('distributor_list', {} as never);
  void wrong;
}
