import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Form, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Visit } from '../../bindings/Visit';
import type { VisitKind } from '../../bindings/VisitKind';
import { dialogs, toAppError } from '../../ipc';
import { useExportVisits, useSaveVisit, useVisits } from '../../ipc/scorecards';
import { normaliseLanguage } from '../../i18n';
import { officeNow } from '../../lib/dates';
import { appErrorMessage, applyAppErrorToForm } from '../../lib/errors';
import { lastEndedQuarter } from '../../lib/quarters';
import { AttachmentModal } from '../detail/AttachmentModal';
import { PathPromptModal } from '../PathPromptModal';
import { QueryError } from '../QueryError';
import { Needs } from '../Needs';

type ActionValues = { action: string; owner: string; due_on: string; done_on: string };
type Values = {
  kind: VisitKind;
  quarter: string;
  planned_on: string;
  visited_on: string;
  visitors: string;
  met: string;
  findings: string;
  actions: ActionValues[];
};

/** Plans or records a visit (or a quarterly business review) and its follow-up actions. */
function VisitModal({
  distributorId,
  visit,
  onClose,
}: {
  distributorId: number;
  visit: Visit | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveVisit();
  const kind = Form.useWatch('kind', form) ?? visit?.kind ?? 'visit';
  const initial: Values = visit
    ? {
        kind: visit.kind,
        quarter: visit.quarter,
        planned_on: visit.planned_on ?? '',
        visited_on: visit.visited_on ?? '',
        visitors: visit.visitors,
        met: visit.met,
        findings: visit.findings,
        actions: visit.actions.map((a) => ({ ...a, done_on: a.done_on ?? '' })),
      }
    : {
        kind: 'visit',
        quarter: lastEndedQuarter(),
        planned_on: '',
        visited_on: officeNow().format('YYYY-MM-DD'),
        visitors: '',
        met: '',
        findings: '',
        actions: [],
      };
  const submit = async (v: Values) => {
    try {
      await save.mutateAsync({
        id: visit?.id ?? null,
        distributor_id: distributorId,
        kind: v.kind,
        quarter: v.kind === 'review' ? (v.quarter ?? '').trim() : '',
        planned_on: (v.planned_on ?? '').trim(),
        visited_on: (v.visited_on ?? '').trim(),
        visitors: (v.visitors ?? '').trim(),
        met: (v.met ?? '').trim(),
        findings: (v.findings ?? '').trim(),
        actions: (v.actions ?? []).map((a) => ({
          action: (a.action ?? '').trim(),
          owner: (a.owner ?? '').trim(),
          due_on: (a.due_on ?? '').trim(),
          done_on: (a.done_on ?? '').trim() || null,
        })),
      });
      message.success(t('visit.saved'));
      onClose();
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t);
      if (msg) message.error(msg);
    }
  };
  return (
    <Modal
      open
      width={760}
      title={visit ? t('visit.edit') : t('visit.new')}
      onCancel={onClose}
      okText={t('common.save')}
      okButtonProps={{ id: 'visit-save', loading: save.isPending }}
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <Space wrap align="start">
          <Form.Item name="kind" label={t('visit.kind')}>
            <Segmented<VisitKind>
              id="visit_kind"
              options={[
                { value: 'visit', label: <span id="visit-kind-visit">{t('visit.kinds.visit')}</span> },
                { value: 'review', label: <span id="visit-kind-review">{t('visit.kinds.review')}</span> },
              ]}
            />
          </Form.Item>
          {kind === 'review' ? (
            <Form.Item name="quarter" label={t('visit.quarter')}>
              <Input id="visit_quarter" placeholder="2026Q3" style={{ width: 110 }} />
            </Form.Item>
          ) : null}
          <Form.Item name="planned_on" label={t('visit.plannedOn')}>
            <Input id="visit_planned_on" placeholder="YYYY-MM-DD" style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="visited_on" label={t('visit.visitedOn')} extra={t('visit.visitedHint')}>
            <Input id="visit_visited_on" placeholder="YYYY-MM-DD" style={{ width: 130 }} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="visitors" label={t('visit.visitors')}>
            <Input id="visit_visitors" style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="met" label={t('visit.met')}>
            <Input id="visit_met" style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <Form.Item name="findings" label={kind === 'review' ? t('visit.notes') : t('visit.findings')}>
          <Input.TextArea id="visit_findings" rows={3} />
        </Form.Item>
        <Typography.Text strong>{t('visit.actions')}</Typography.Text>
        <Form.List name="actions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline" wrap style={{ marginTop: 8 }}>
                  <Form.Item name={[f.name, 'action']} style={{ flex: 1, minWidth: 220, marginBottom: 8 }}>
                    <Input className="visit-action-text" placeholder={t('visit.action')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'owner']} style={{ marginBottom: 8 }}>
                    <Input
                      className="visit-action-owner"
                      placeholder={t('visit.owner')}
                      style={{ width: 110 }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'due_on']} style={{ marginBottom: 8 }}>
                    <Input
                      className="visit-action-due"
                      placeholder={t('visit.dueOn')}
                      style={{ width: 120 }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'done_on']} style={{ marginBottom: 8 }}>
                    <Input
                      className="visit-action-done"
                      placeholder={t('visit.doneOn')}
                      style={{ width: 120 }}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    onClick={() => remove(f.name)}
                  />
                </Flex>
              ))}
              <Button
                id="visit-action-add"
                icon={<PlusOutlined />}
                style={{ marginTop: 8 }}
                onClick={() => add({ action: '', owner: '', due_on: '', done_on: '' })}
              >
                {t('visit.addAction')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** Visits as a table: one distributor's (with editing) or every one (read and exported). */
export function VisitTable({
  visits,
  onEdit,
  onAttach,
}: {
  visits: Visit[];
  onEdit?: (v: Visit) => void;
  onAttach?: (v: Visit) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table<Visit>
      id="visit-table"
      rowKey="id"
      size="small"
      dataSource={visits}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visit.empty')} /> }}
      columns={[
        ...(onEdit
          ? []
          : [
              {
                key: 'distributor',
                title: t('fields.distributor_id'),
                width: 200,
                render: (_: unknown, v: Visit) => `${v.distributor_code} ${v.distributor_name}`,
              },
            ]),
        {
          key: 'date',
          title: t('visit.date'),
          width: 130,
          render: (_, v) =>
            v.visited_on ?? (
              <Tag color="blue" className="visit-planned">
                {t('visit.planned', { date: v.planned_on })}
              </Tag>
            ),
        },
        {
          key: 'kind',
          title: t('visit.kind'),
          width: 130,
          render: (_, v) =>
            v.kind === 'review' ? (
              <Tag color="purple">{t('visit.reviewOf', { quarter: v.quarter })}</Tag>
            ) : (
              t('visit.kinds.visit')
            ),
        },
        { key: 'visitors', title: t('visit.visitors'), width: 140, render: (_, v) => v.visitors },
        { key: 'met', title: t('visit.met'), width: 120, render: (_, v) => v.met },
        { key: 'findings', title: t('visit.findings'), render: (_, v) => v.findings },
        {
          key: 'actions',
          title: t('visit.actions'),
          width: 260,
          render: (_, v) => (
            <Space orientation="vertical" size={2}>
              {v.actions.map((a) => (
                <span key={a.id}>
                  {a.action}（{a.owner}，{a.due_on}）
                  {a.done_on ? (
                    <Tag color="green">{t('visit.done')}</Tag>
                  ) : a.overdue ? (
                    <Tag color="red" className="visit-action-overdue">
                      {t('plan.overdue')}
                    </Tag>
                  ) : null}
                </span>
              ))}
            </Space>
          ),
        },
        {
          key: 'files',
          title: t('visit.photos'),
          width: 70,
          align: 'right',
          render: (_, v) => v.attachments || '',
        },
        ...(onEdit && onAttach
          ? [
              {
                key: 'edit',
                title: '',
                width: 150,
                render: (_: unknown, v: Visit) => (
                  <Space size={4}>
                    <Button size="small" className="visit-edit" onClick={() => onEdit(v)}>
                      {t('common.edit')}
                    </Button>
                    <Button size="small" className="visit-attach" onClick={() => onAttach(v)}>
                      {t('visit.attach')}
                    </Button>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Writes the visits (one distributor's, or all) to an Excel file. */
export function ExportVisitsButton({ distributorId }: { distributorId: number | null }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const exporter = useExportVisits();
  const [asking, setAsking] = useState<{ initial: string; name: string } | null>(null);
  const ask = async () => {
    const name = `${t('visit.fileName')}.xlsx`;
    setAsking({ name, initial: await dialogs.suggestedPath(name) });
  };
  const save = async (typed: string) => {
    const path = /\\.xlsx$/i.test(typed) ? typed : `${typed}.xlsx`;
    try {
      const n = await exporter.mutateAsync({
        query: { distributor_id: distributorId, review_quarter: null },
        path,
        lang: normaliseLanguage(i18n.language) ?? 'zh-CN',
      });
      setAsking(null);
      message.success(t('visit.exported', { count: n, path }));
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };
  return (
    <>
      <Needs right="export">
        <Button id="visit-export" onClick={() => void ask()}>
          {t('visit.export')}
        </Button>
      </Needs>
      {asking ? (
        <PathPromptModal
          title={t('visit.export')}
          inputId="visit_export_path"
          okId="visit-export-save"
          okText={t('common.save')}
          initial={asking.initial}
          busy={exporter.isPending}
          browse={() => dialogs.pickExportPath(t('visit.export'), 'xlsx', asking.name)}
          onSubmit={(path) => save(path)}
          onClose={() => setAsking(null)}
        />
      ) : null}
    </>
  );
}

/** The distributor's visits and business reviews. */
export function VisitsTab({ distributorId }: { distributorId: number }) {
  const { t } = useTranslation();
  const list = useVisits({ distributor_id: distributorId, review_quarter: null });
  const [editing, setEditing] = useState<{ visit: Visit | null } | null>(null);
  const [attaching, setAttaching] = useState<Visit | null>(null);
  return (
    <>
      <Flex justify="space-between" style={{ marginBottom: 12 }} gap={8}>
        <Typography.Text type="secondary">{t('visit.hint')}</Typography.Text>
        <Space>
          <ExportVisitsButton distributorId={distributorId} />
          <Needs right="channel">
            <Button icon={<PlusOutlined />} id="visit-new" onClick={() => setEditing({ visit: null })}>
              {t('visit.new')}
            </Button>
          </Needs>
        </Space>
      </Flex>
      {list.error ? <QueryError error={list.error} /> : null}
      <VisitTable visits={list.data ?? []} onEdit={(v) => setEditing({ visit: v })} onAttach={setAttaching} />
      {editing ? (
        <VisitModal distributorId={distributorId} visit={editing.visit} onClose={() => setEditing(null)} />
      ) : null}
      {attaching ? (
        <AttachmentModal
          distributorId={distributorId}
          visitId={attaching.id}
          onClose={() => setAttaching(null)}
        />
      ) : null}
    </>
  );
}
