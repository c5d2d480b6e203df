import { App, Drawer } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Distributor } from '../bindings/Distributor';
import type { DistributorInput } from '../bindings/DistributorInput';
import { useCreateDistributor, useNextCode, useUpdateDistributor } from '../ipc/queries';
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
  const { message } = App.useApp();
  const mode = distributor ? 'edit' : 'create';
  const nextCode = useNextCode(open && mode === 'create');
  const create = useCreateDistributor();
  const update = useUpdateDistributor();

  const submit = async (input: DistributorInput) => {
    if (distributor) {
      const saved = await update.mutateAsync({ id: distributor.id, input });
      message.success(t('form.updated', { name: saved.name }));
    } else {
      const saved = await create.mutateAsync(input);
      message.success(t('form.created', { name: saved.name }));
    }
    onClose();
  };

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
      {open ? (
        <DistributorForm
          key={distributor?.id ?? 'new'}
          mode={mode}
          initial={distributor}
          nextCode={nextCode.data}
          onSubmit={submit}
          onCancel={onClose}
        />
      ) : null}
    </Drawer>
  );
}
