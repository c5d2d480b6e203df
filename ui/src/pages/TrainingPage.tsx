import { Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { PageHeader } from '../components/PageHeader';
import { CertificatesTab } from '../components/training/CertificatesTab';
import { ComplianceTab } from '../components/training/ComplianceTab';
import { CoursesTab } from '../components/training/CoursesTab';
import { SessionsTab } from '../components/training/SessionsTab';

const TABS = ['sessions', 'courses', 'certificates', 'compliance'] as const;
type TabKey = (typeof TABS)[number];

/** Training: sessions, the course catalogue, certificates and compliance; the tab is in the URL (`?tab=`). */
export function TrainingPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: TabKey = TABS.find((k) => k === asked) ?? 'sessions';
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('nav.training')} />
      <Flex vertical className="page-card">
        <Tabs
          id="training-tabs"
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'sessions', label: t('trainingTabs.sessions'), children: <SessionsTab /> },
            { key: 'courses', label: t('trainingTabs.courses'), children: <CoursesTab /> },
            { key: 'certificates', label: t('trainingTabs.certificates'), children: <CertificatesTab /> },
            { key: 'compliance', label: t('trainingTabs.compliance'), children: <ComplianceTab /> },
          ]}
        />
      </Flex>
    </Flex>
  );
}
