// Shared pieces of the certificate screens: the state tag, course titles, days left.
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Certificate } from '../../bindings/Certificate';
import type { CertificateState } from '../../bindings/CertificateState';
import type { Course } from '../../bindings/Course';
import { useIsZh } from '../onboarding/labels';

export const CERTIFICATE_STATES: CertificateState[] = ['valid', 'expiring', 'expired', 'revoked'];

const STATE_COLOR: Record<CertificateState, string> = {
  valid: 'green',
  expiring: 'orange',
  expired: 'red',
  revoked: 'default',
};

type Titled = { title_zh: string; title_en: string };

/** A course title in the interface language, or the other one if that is empty. */
export function courseTitle(c: Titled, zh: boolean): string {
  return (zh ? c.title_zh || c.title_en : c.title_en || c.title_zh) || '';
}

/** `courseTitle` for the current language. */
export function useCourseTitle(): (c: Titled) => string {
  const zh = useIsZh();
  return (c) => courseTitle(c, zh);
}

/** A certificate's course as `code title`. */
export function useCertificateCourse(): (c: Certificate) => string {
  const title = useCourseTitle();
  return (c) => `${c.course_code} ${title({ title_zh: c.course_title_zh, title_en: c.course_title_en })}`;
}

/** Course code → title in the interface language, for lists that only carry codes. */
export function useCourseTitlesByCode(courses: Course[] | undefined): (code: string) => string {
  const title = useCourseTitle();
  const byCode = new Map((courses ?? []).map((c) => [c.code, title(c)]));
  return (code) => byCode.get(code) ?? '';
}

/** Valid green, expiring orange with the days left, expired red, revoked grey with the reason on hover. */
export function CertificateStateTag({ cert }: { cert: Certificate }) {
  const { t } = useTranslation();
  const cls = `certificate-state certificate-state-${cert.state}`;
  if (cert.state === 'revoked') {
    return (
      <Tooltip
        title={t('certificates.revokedTip', {
          date: cert.revoked_on ?? '',
          reason: cert.revoke_reason || t('common.none'),
        })}
      >
        <Tag color={STATE_COLOR.revoked} className={cls} data-state={cert.state}>
          {t('certificates.state.revoked')}
        </Tag>
      </Tooltip>
    );
  }
  const text =
    cert.state === 'expiring' && cert.days_left !== null
      ? cert.days_left === 0
        ? t('certificates.expiringToday')
        : t('certificates.expiringIn', { days: cert.days_left })
      : t(`certificates.state.${cert.state}`);
  return (
    <Tag color={STATE_COLOR[cert.state]} className={cls} data-state={cert.state}>
      {text}
    </Tag>
  );
}

/** Days until the certificate ends: nothing without an expiry, red once past it. */
export function DaysLeft({ cert }: { cert: Certificate }) {
  const { t } = useTranslation();
  if (cert.days_left === null) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  if (cert.days_left < 0) {
    return (
      <Typography.Text type="danger">{t('certificates.daysAgo', { days: -cert.days_left })}</Typography.Text>
    );
  }
  return (
    <Typography.Text type={cert.state === 'expiring' ? 'warning' : undefined}>
      {t('certificates.daysLeft', { days: cert.days_left })}
    </Typography.Text>
  );
}
