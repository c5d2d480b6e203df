import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Course } from '../../bindings/Course';
import { emptySessionQuery, useCourses, useExportTraining, useTrainingSettings } from '../../ipc/training';
import { choiceLabel } from '../../lib/complaints';
import { ExportTableButton } from '../agreements/ExportTableButton';
import { QueryError } from '../QueryError';
import { TierTag } from '../Tags';
import { emptyCertificateQuery } from '../../ipc/certificates';
import { courseTitle, fileLanguage, hoursText, validityText } from './CourseLabels';
import { CourseModal } from './CourseModal';
import { officeNow } from '../../lib/dates';
import { Needs } from '../Needs';

/** The course catalogue: every course, active or not, with a modal to add or edit one. */
export function CoursesTab() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const courses = useCourses();
  const settings = useTrainingSettings();
  const exporter = useExportTraining();
  // undefined: closed; null: a new course.
  const [editing, setEditing] = useState<Course | null | undefined>(undefined);
  const rows = courses.data ?? [];

  return (
    <>
      <Flex gap={8} wrap align="center" className="list-toolbar">
        <Typography.Text type="secondary" id="course-count">
          {t('training.courses.total', { count: rows.length })}
        </Typography.Text>
        <Space style={{ marginLeft: 'auto' }}>
          <ExportTableButton
            id="course-export"
            title={t('training.courses.exportTitle')}
            fileName={`${t('training.courses.fileName')}-${officeNow().format('YYYYMMDD')}.xlsx`}
            busy={exporter.isPending}
            onExport={(path) =>
              exporter.mutateAsync({
                list: 'courses',
                certificates: emptyCertificateQuery,
                sessions: emptySessionQuery,
                lang: fileLanguage(language),
                path,
              })
            }
          />
          <Needs right="training">
            <Button id="course-new" type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              {t('training.courses.new')}
            </Button>
          </Needs>
        </Space>
      </Flex>
      {courses.error && !courses.data ? (
        <QueryError error={courses.error} onRetry={() => void courses.refetch()} />
      ) : (
        <Table<Course>
          id="course-table"
          rowKey="id"
          size="small"
          loading={courses.isPending}
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 1100 }}
          locale={{
            emptyText: courses.isPending ? (
              <span />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('training.courses.empty')} />
            ),
          }}
          rowClassName={(c) =>
            `course-row course-row-${c.code} clickable-row${c.active ? '' : ' course-inactive'}`
          }
          onRow={(c) => ({ onClick: () => setEditing(c), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'code', title: t('fields.code'), dataIndex: 'code', width: 120 },
            {
              key: 'title',
              title: t('training.courses.title'),
              ellipsis: { showTitle: true },
              render: (_: unknown, c) => courseTitle(c, language),
            },
            {
              key: 'category',
              title: t('fields.category'),
              width: 130,
              render: (_: unknown, c) => choiceLabel(settings.data?.categories, c.category, language),
            },
            {
              key: 'hours',
              title: t('fields.duration_hours'),
              width: 80,
              align: 'right',
              render: (_: unknown, c) => hoursText(t, c.duration_hours),
            },
            {
              key: 'pass_mark',
              title: t('fields.pass_mark'),
              dataIndex: 'pass_mark',
              width: 80,
              align: 'right',
            },
            {
              key: 'validity',
              title: t('training.courses.validity'),
              width: 120,
              render: (_: unknown, c) =>
                c.validity_months === null ? (
                  <span className="muted">{validityText(t, null)}</span>
                ) : (
                  validityText(t, c.validity_months)
                ),
            },
            {
              key: 'tiers',
              title: t('training.courses.requiredTiers'),
              width: 190,
              render: (_: unknown, c) =>
                c.required_tiers.length === 0 ? (
                  <span className="muted">{t('common.none')}</span>
                ) : (
                  <Space size={2} wrap>
                    {c.required_tiers.map((x) => (
                      <TierTag key={x} tier={x} />
                    ))}
                  </Space>
                ),
            },
            {
              key: 'onboarding',
              title: t('training.courses.onboardingColumn'),
              width: 100,
              render: (_: unknown, c) =>
                c.onboarding ? (
                  <Tag color="purple" className="course-onboarding">
                    {t('training.courses.onboardingTag')}
                  </Tag>
                ) : null,
            },
            {
              key: 'active',
              title: t('training.courses.active'),
              width: 90,
              render: (_: unknown, c) =>
                c.active ? (
                  <Tag color="success">{t('training.courses.activeTag')}</Tag>
                ) : (
                  <Tag>{t('training.courses.inactiveTag')}</Tag>
                ),
            },
            {
              key: 'actions',
              title: '',
              width: 60,
              fixed: 'right',
              render: (_: unknown, c) => (
                <Button
                  id={`course-edit-${c.code}`}
                  className="course-edit"
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t('common.edit')}
                  title={t('common.edit')}
                  onClick={() => setEditing(c)}
                />
              ),
            },
          ]}
        />
      )}
      {editing !== undefined ? <CourseModal course={editing} onClose={() => setEditing(undefined)} /> : null}
    </>
  );
}
