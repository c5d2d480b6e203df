import { InfoCircleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Empty, Flex, Skeleton, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { Certificate } from '../../bindings/Certificate';
import type { Distributor } from '../../bindings/Distributor';
import {
  emptyCertificateQuery,
  useCertificates,
  useCompliance,
  useCourseOptions,
} from '../../ipc/certificates';
import { useDistributor } from '../../ipc/queries';
import { QueryError } from '../QueryError';
import { CertificateStateTag, useCertificateCourse, useCourseTitlesByCode } from './CertificateTags';
import { ComplianceBar, CourseCodeTags } from './ComplianceTags';
import { ALL_ROWS } from '../../lib/paging';

/** One person of the distributor with the certificates they hold. */
type Person = {
  contactId: number;
  name: string;
  role: string;
  phone: string;
  /** No longer among the distributor's contacts, but still holds certificates. */
  former: boolean;
  certificates: Certificate[];
};

function CertificateLines({ certs }: { certs: Certificate[] }) {
  const { t } = useTranslation();
  const courseOf = useCertificateCourse();
  if (certs.length === 0) {
    return <Typography.Text type="secondary">{t('certificates.distributor.noCertificates')}</Typography.Text>;
  }
  return (
    <Flex vertical gap={4}>
      {certs.map((c) => (
        <Flex
          key={c.id}
          gap={8}
          wrap
          align="center"
          className={`training-certificate training-certificate-${c.number}`}
        >
          <Typography.Text code>{c.number}</Typography.Text>
          <span>{courseOf(c)}</span>
          <Typography.Text type="secondary">
            {c.expiry_date
              ? t('certificates.distributor.expires', { date: c.expiry_date })
              : t('certificates.noExpiry')}
          </Typography.Text>
          <CertificateStateTag cert={c} />
        </Flex>
      ))}
    </Flex>
  );
}

/** The distributor's compliance with the courses its tier requires. */
function ComplianceCard({ distributorId }: { distributorId: number }) {
  const { t } = useTranslation();
  const compliance = useCompliance(distributorId);
  const courses = useCourseOptions();
  const titleOf = useCourseTitlesByCode(courses.data);

  let body;
  if (compliance.error && !compliance.data) {
    body = <QueryError error={compliance.error} onRetry={() => void compliance.refetch()} />;
  } else if (!compliance.data) {
    body = <Skeleton active paragraph={{ rows: 2 }} />;
  } else {
    const row = compliance.data.find((r) => r.distributor_id === distributorId);
    body = !row ? (
      <Alert
        id="distributor-compliance-inactive"
        type="info"
        showIcon
        title={t('certificates.distributor.notActive')}
      />
    ) : (
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'pct',
            label: t('compliance.columns.pct'),
            children: <ComplianceBar id="distributor-compliance-pct" pct={row.compliance_pct} width={240} />,
          },
          {
            key: 'required',
            label: t('compliance.columns.required'),
            children: (
              <span id="distributor-compliance-required">
                <CourseCodeTags codes={row.required} titleOf={titleOf} empty={t('compliance.noneRequired')} />
              </span>
            ),
          },
          {
            key: 'missing',
            label: t('compliance.columns.missing'),
            children: (
              <span id="distributor-compliance-missing" data-count={row.missing.length}>
                <CourseCodeTags
                  codes={row.missing}
                  titleOf={titleOf}
                  missing
                  empty={
                    row.required.length === 0
                      ? t('compliance.noneRequired')
                      : t('certificates.distributor.allCovered')
                  }
                />
              </span>
            ),
          },
        ]}
      />
    );
  }
  return (
    <Card
      size="small"
      title={
        <span>
          <SafetyCertificateOutlined /> {t('certificates.distributor.compliance')}
        </span>
      }
      extra={
        <Link id="distributor-certificates-link" to="/training?tab=certificates">
          {t('certificates.distributor.openList')}
        </Link>
      }
    >
      {body}
    </Card>
  );
}

/**
 * The distributor's training: its compliance with the required courses and
 * each of its people (the contacts kept in the Profile tab) with their certificates.
 */
export function DistributorTrainingTab({ distributor }: { distributor: Distributor }) {
  const { t } = useTranslation();
  const detail = useDistributor(distributor.id);
  // Every certificate of the distributor, grouped by person below.
  const certs = useCertificates({ ...emptyCertificateQuery, distributor_id: distributor.id, ...ALL_ROWS });

  const people: Person[] = useMemo(() => {
    const contacts = detail.data?.contacts ?? [];
    const byContact = new Map<number, Certificate[]>();
    for (const c of certs.data?.rows ?? []) {
      byContact.set(c.contact_id, [...(byContact.get(c.contact_id) ?? []), c]);
    }
    const listed: Person[] = contacts.map((c) => ({
      contactId: c.id,
      name: c.name,
      role: c.role,
      phone: c.phone,
      former: false,
      certificates: byContact.get(c.id) ?? [],
    }));
    const known = new Set(contacts.map((c) => c.id));
    const former: Person[] = [...byContact.entries()]
      .filter(([id]) => !known.has(id))
      .map(([id, list]) => ({
        contactId: id,
        name: list[0].person_name,
        role: '',
        phone: '',
        former: true,
        certificates: list,
      }));
    return [...listed, ...former];
  }, [detail.data, certs.data]);

  const error = detail.error ?? certs.error;
  const loading = detail.isPending || certs.isPending;

  return (
    <Flex vertical gap={16}>
      <ComplianceCard distributorId={distributor.id} />
      <Card size="small" title={t('certificates.distributor.people')}>
        <Typography.Paragraph type="secondary" id="training-people-hint">
          <InfoCircleOutlined /> {t('certificates.distributor.peopleHint')}
        </Typography.Paragraph>
        {error && !(detail.data && certs.data) ? (
          <QueryError
            error={error}
            onRetry={() => {
              void detail.refetch();
              void certs.refetch();
            }}
          />
        ) : (
          <Table<Person>
            id="training-people"
            rowKey="contactId"
            rowClassName={(p) => `training-person-${p.contactId}`}
            size="small"
            loading={loading}
            dataSource={people}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{
              emptyText: loading ? (
                <span />
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('certificates.distributor.noPeople')}
                />
              ),
            }}
            columns={[
              {
                key: 'name',
                title: t('contacts.name'),
                width: 140,
                render: (_: unknown, p) => (
                  <Flex vertical>
                    <span className="training-person-name">{p.name}</span>
                    {p.former ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('certificates.distributor.formerPerson')}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                ),
              },
              {
                key: 'role',
                dataIndex: 'role',
                title: t('fields.contact_role'),
                width: 120,
                render: (v: string) => v || t('common.none'),
              },
              {
                key: 'phone',
                dataIndex: 'phone',
                title: t('fields.contact_phone'),
                width: 140,
                render: (v: string) => v || t('common.none'),
              },
              {
                key: 'certificates',
                title: t('certificates.distributor.certificates'),
                render: (_: unknown, p) => <CertificateLines certs={p.certificates} />,
              },
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}
