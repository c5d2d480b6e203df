import { App, Drawer } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Distributor } from '../bindings/Distributor';
import type { DistributorInput } from '../bindings/DistributorInput';
import { ipc } from '../ipc';
import { useCreateDistributor, useNextCode, useUpdateDistributor } from '../ipc/queries';
import { offerReload } from '../lib/conflict';
import { DistributorForm } from './DistributorForm';

type Props = {
  open: boolean;
  /** Absent: create a new distributor. */
  distributor?: Distributor;
  onClose: () => void;
};

/** The profile form in a drawer, wired to create or update. */
export function DistributorFormDrawer({ open, distributor, onClose }: Props) {
  const { t } = useTranslation();
  const mode = distributor ? 'edit' : 'create';
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={
        mode === 'create' ? t('form.createTitle') : `${t('form.editTitle')} · ${distributor?.name ?? ''}`
      }
      size={760}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {open ? <Editing distributor={distributor} onClose={onClose} /> : null}
    </Drawer>
  );
}

/**
 * One opening of the form. An edit is based on the version shown when the
 * drawer opened: if someone else saves the distributor meanwhile, the save is
 * refused (`edit_conflict`, naming who and when) and the form offers to reload.
 */
function Editing({ distributor, onClose }: { distributor?: Distributor; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const mode = distributor ? 'edit' : 'create';
  const nextCode = useNextCode(mode === 'create');
  const create = useCreateDistributor();
  const update = useUpdateDistributor();
  // The version being edited; a reload takes the newest one.
  const [shown, setShown] = useState(distributor);
  const [generation, setGeneration] = useState(0);

  const reload = async () => {
    if (!shown) return;
    const fresh = await ipc.distributorGet(shown.id);
    setShown(fresh.distributor);
    setGeneration((g) => g + 1);
  };

  const submit = async (input: DistributorInput) => {
    if (shown) {
      try {
        const saved = await update.mutateAsync({ id: shown.id, input, base: shown.updated_at });
        message.success(t('form.updated', { name: saved.name }));
      } catch (e) {
        if (!offerReload(e, modal, t, reload)) throw e;
        return;
      }
    } else {
      const saved = await create.mutateAsync(input);
      message.success(t('form.created', { name: saved.name }));
    }
    onClose();
  };

  return (
    <DistributorForm
      key={`${shown?.id ?? 'new'}-${generation}`}
      mode={mode}
      initial={shown}
      nextCode={nextCode.data}
      onSubmit={submit}
      onCancel={onClose}
    />
  );
}
