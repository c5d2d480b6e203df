import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Level 1 (yellow: an improvement plan is required) or level 2 (red: start the exit process). */
export function WarningTag({ level, id }: { level: number | null | undefined; id?: string }) {
  const { t } = useTranslation();
  if (level !== 1 && level !== 2) return null;
  return (
    <Tag id={id} color={level === 2 ? 'red' : 'gold'} className={`warning-level-${level}`}>
      {t(`scorecard.warning.level${level}`)}
    </Tag>
  );
}
