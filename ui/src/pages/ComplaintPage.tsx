import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Col, Descriptions, Row, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';

import type { ComplaintDetail } from '../bindings/ComplaintDetail';
import type { ComplaintStatus } from '../bindings/ComplaintStatus';
import { ComplaintStatusTag, PriorityTag } from '../components/complaints/ComplaintTags';
import { ComplaintTimeline } from '../components/complaints/ComplaintTimeline';
import { ComplaintTransitionModal } from '../components/complaints/ComplaintTransitionModal';
import { SlaCard } from '../components/complaints/SlaCard';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { dialogs, toAppError } from '../ipc';
import {
  useComplaint,
  useComplaintAttach,
  useComplaintAttachmentOpen,
  useComplaintNote,
  useComplaintSettings,
} from '../ipc/queries';
import { PathPromptModal } from '../components/PathPromptModal';
import { RecordModal } from '../components/scorecards/ViolationsTab';
import { channelLabel, choiceLabel, isReopen, shortTime, transitionAction } from '../lib/complaints';
import { appErrorMessage } from '../lib/errors';
import { Needs } from '../components/Needs';

/** One button per move the lifecycle allows now (`complaint-to-<status>`). */
export function ComplaintActions({
  detail,
  onOpen,
}: {
  detail: ComplaintDetail;
  onOpen: (to: ComplaintStatus) => void;
}) {
  const { t } = useTranslation();
  const from = detail.complaint.status;
  return (
    <>
      {detail.allowed.map((to, i) => {
        const reopen = isReopen(from, to);
        return (
          <Button
            key={to}
            id={`complaint-to-${to}`}
            data-action={transitionAction(from, to)}
            type={i === 0 && !reopen ? 'primary' : 'default'}
            danger={reopen}
            onClick={() => onOpen(to)}
          >
            {t(`complaint.actions.${transitionAction(from, to)}`)}
          </Button>
        );
      })}
    </>
  );
}

export function ComplaintPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const detail = useComplaint(id);
  const settings = useComplaintSettings();
  const note = useComplaintNote();
  const attach = useComplaintAttach();
  const openAttachment = useComplaintAttachmentOpen();
  const [attaching, setAttaching] = useState(false);
  const [moving, setMoving] = useState<ComplaintStatus | null>(null);
  const [violating, setViolating] = useState(false);
  const [pending, setPending] = useState<'note' | 'assign' | null>(null);
  const language = i18n.resolvedLanguage ?? i18n.language;

  const back = () => {
    if (window.history.length > 1) void navigate(-1);
    else void navigate('/complaints');
  };

  const crumbs = (
    <Breadcrumb
      style={{ marginBottom: 8 }}
      items={[
        { title: <Link to="/complaints">{t('nav.complaints')}</Link> },
        { title: detail.data?.complaint.number ?? '…' },
      ]}
    />
  );

  if (detail.error) {
    return (
      <>
        {crumbs}
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );
  }
  if (!detail.data) {
    return (
      <>
        {crumbs}
        <div className="page-card">
          <Skeleton active paragraph={{ rows: 8 }} />
        </div>
      </>
    );
  }

  const c = detail.data.complaint;
  const violationModal = violating ? (
    <RecordModal
      distributorId={c.distributor_id}
      preset={{
        complaintId: c.id,
        kind: 'cross_territory',
        occurred_on: dayjs(c.received_at).format('YYYY-MM-DD'),
        description: `${c.number}：${c.description}`,
      }}
      onClose={() => setViolating(false)}
    />
  ) : null;

  const send = async (kind: 'note' | 'assignment', text: string): Promise<boolean> => {
    setPending(kind === 'note' ? 'note' : 'assign');
    try {
      await note.mutateAsync({ id: c.id, kind, text });
      message.success(kind === 'note' ? t('timeline.noteAdded') : t('timeline.assigned', { name: text }));
      return true;
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
      return false;
    } finally {
      setPending(null);
    }
  };

  const none = <span className="muted">{t('common.none')}</span>;
  const finished = c.resolution || c.root_cause || c.satisfaction !== null;

  return (
    <>
      <PageHeader
        before={crumbs}
        title={
          <Space size={10} wrap>
            <Button
              type="text"
              size="small"
              icon={<ArrowLeftOutlined />}
              onClick={back}
              aria-label={t('complaint.back')}
            />
            <span id="complaint-number">{c.number}</span>
            <ComplaintStatusTag status={c.status} id="complaint-status" />
            <PriorityTag priority={c.priority} id="complaint-priority" />
          </Space>
        }
        subtitle={
          <Space size={16} wrap className="detail-meta">
            <Link to={`/distributors/${c.distributor_id}`} id="complaint-distributor">
              {c.distributor_code} {c.distributor_name}
            </Link>
            <span>
              {t('common.labelled', { label: t('fields.category') })}
              <span id="complaint-category">
                {c.category
                  ? choiceLabel(settings.data?.categories, c.category, language)
                  : t('complaint.uncategorised')}
              </span>
            </span>
            <span>
              {t('common.labelled', { label: t('complaint.productBatch') })}
              <span id="complaint-product">{c.product || t('common.none')}</span>
              {' / '}
              <span id="complaint-batch">{c.batch_no || t('common.none')}</span>
            </span>
            <span>
              {t('common.labelled', { label: t('fields.assignee') })}
              <span id="complaint-assignee">{c.assignee || t('complaint.unassigned')}</span>
            </span>
            <span id="complaint-received">{t('complaint.received', { at: shortTime(c.received_at) })}</span>
          </Space>
        }
        extra={
          <Space wrap>
            <Needs right="service">
              <ComplaintActions detail={detail.data} onOpen={setMoving} />
            </Needs>
            {c.category === 'cross_territory' ? (
              <Needs right="channel">
                <Button id="complaint-to-violation" danger onClick={() => setViolating(true)}>
                  {t('violation.fromComplaint')}
                </Button>
              </Needs>
            ) : null}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('complaint.details')} size="small">
              <Descriptions
                size="small"
                column={2}
                items={[
                  {
                    key: 'channel',
                    label: t('fields.channel'),
                    children: <span id="complaint-channel">{channelLabel(t, c.channel)}</span>,
                  },
                  {
                    key: 'received_at',
                    label: t('fields.received_at'),
                    children: shortTime(c.received_at),
                  },
                  {
                    key: 'description',
                    label: t('complaint.description'),
                    span: 2,
                    children: (
                      <Typography.Paragraph
                        id="complaint-description"
                        style={{ whiteSpace: 'pre-wrap', margin: 0 }}
                      >
                        {c.description}
                      </Typography.Paragraph>
                    ),
                  },
                  ...(finished
                    ? [
                        {
                          key: 'resolution',
                          label: t('fields.resolution'),
                          span: 2,
                          children: (
                            <span id="complaint-resolution" style={{ whiteSpace: 'pre-wrap' }}>
                              {c.resolution || none}
                            </span>
                          ),
                        },
                        {
                          key: 'root_cause',
                          label: t('fields.root_cause'),
                          children: (
                            <span id="complaint-root-cause">
                              {c.root_cause
                                ? choiceLabel(settings.data?.root_causes, c.root_cause, language)
                                : none}
                            </span>
                          ),
                        },
                        {
                          key: 'satisfaction',
                          label: t('fields.satisfaction'),
                          children: (
                            <span id="complaint-satisfaction">
                              {c.satisfaction !== null
                                ? t('complaint.score', { score: c.satisfaction })
                                : none}
                            </span>
                          ),
                        },
                        ...(c.root_cause_note
                          ? [
                              {
                                key: 'root_cause_note',
                                label: t('fields.root_cause_note'),
                                span: 2,
                                children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.root_cause_note}</span>,
                              },
                            ]
                          : []),
                      ]
                    : []),
                ]}
              />
            </Card>
            <SlaCard complaint={c} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <ComplaintTimeline
            entries={detail.data.timeline}
            busy={{ note: pending === 'note', assign: pending === 'assign' }}
            onNote={(text) => send('note', text)}
            onAssign={(name) => send('assignment', name)}
            onAttach={() => setAttaching(true)}
            onOpenAttachment={(stored_name) =>
              void openAttachment
                .mutateAsync({ id, stored_name })
                .catch((e: unknown) => message.error(appErrorMessage(toAppError(e), t)))
            }
          />
        </Col>
      </Row>
      {attaching ? (
        <PathPromptModal
          title={t('timeline.attachTitle')}
          inputId="complaint_attach_path"
          okId="complaint-attach-confirm"
          okText={t('timeline.attach')}
          initial=""
          busy={attach.isPending}
          browse={() =>
            dialogs.pickAttachmentFile(t('timeline.attachTitle'), {
              images: t('attachments.filterImages'),
              pdf: t('attachments.filterPdf'),
              all: t('attachments.filterAll'),
            })
          }
          onSubmit={async (source_path) => {
            try {
              await attach.mutateAsync({ id, source_path });
              setAttaching(false);
              message.success(t('timeline.attached'));
            } catch (e) {
              message.error(appErrorMessage(toAppError(e), t));
            }
          }}
          onClose={() => setAttaching(false)}
        />
      ) : null}
      {moving ? (
        <ComplaintTransitionModal key={moving} complaint={c} to={moving} onClose={() => setMoving(null)} />
      ) : null}
      {violationModal}
    </>
  );
}
