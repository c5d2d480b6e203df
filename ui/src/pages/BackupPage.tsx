import { useTranslation } from 'react-i18next';

import { BackupCard } from '../components/backup/BackupCard';
import { ChangedBy } from '../components/Needs';
import { PageHeader } from '../components/PageHeader';

/** Backup now, restore, the backups kept and their settings. */
export function BackupPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('backup.title')} />
      <ChangedBy right="backup">
        <BackupCard titled={false} />
      </ChangedBy>
    </>
  );
}
