import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  EditOutlined,
  PlayCircleOutlined,
  SaveOutlined,
  StopOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Flex, Form, Skeleton, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';

import type { Attendee } from '../bindings/Attendee';
import type { SessionDetail } from '../bindings/SessionDetail';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { courseTitle, hoursText } from '../components/training/CourseLabels';
import { EnrolModal } from '../components/training/EnrolModal';
import { ResultsTable, useResultsDraft } from '../components/training/ResultsTable';
import { SessionCertificates } from '../components/training/SessionCertificates';
import { SessionEditModal } from '../components/training/SessionEditModal';
import {
  isSessionField,
  newSessionValues,
  SessionFields,
  sessionInput,
  type SessionValues,
} from '../components/training/SessionForm';
import { SessionMoveModal } from '../components/training/SessionMoveModal';
import { sessionStatusLabel, SessionStatusTag } from '../components/training/SessionTags';
import { toAppError } from '../ipc';
import {
  useCourses,
  useMoveSession,
  useSaveResults,
  useSaveSession,
  useSession,
  useUnenrol,
} from '../ipc/training';
import { applyAppErrorToForm, appErrorMessage } from '../lib/errors';
import { Needs } from '../components/Needs';

const SESSIONS_PATH = '/training?tab=sessions';

function Crumbs({ current }: { current: string }) {
  const { t } = useTranslation();
  return (
    <Breadcrumb
      style={{ marginBottom: 8 }}
      items={[{ title: <Link to={SESSIONS_PATH}>{t('training.sessions.title')}</Link> }, { title: current }]}
    />
  );
}

function BackButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button
      type="text"
      size="small"
      icon={<ArrowLeftOutlined />}
      aria-label={t('complaint.back')}
      onClick={() => {
        if (window.history.length > 1) void navigate(-1);
        else void navigate(SESSIONS_PATH);
      }}
    />
  );
}

/** `?people=12,13`: distinct contact ids. */
function parsePeople(v: string | null): number[] {
  const ids = (v ?? '')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  return [...new Set(ids)];
}

/** `/training/sessions/new?course=<id>&people=<contactId,…>`: plans a session, enrolling the people. */
function NewSession() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  const courses = useCourses();
  const save = useSaveSession();
  const [form] = Form.useForm<SessionValues>();
  const [error, setError] = useState<string | null>(null);
  const people = parsePeople(sp.get('people'));
  const active = (courses.data ?? []).filter((c) => c.active);
  const askedCourse = Number(sp.get('course'));
  const preset = active.find((c) => c.id === askedCourse)?.id;

  const submit = async (v: SessionValues) => {
    setError(null);
    try {
      const detail = await save.mutateAsync({ id: null, input: sessionInput(v, people) });
      message.success(t('training.session.created'));
      void navigate(`/training/sessions/${detail.session.id}`, { replace: true });
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t, { hasField: isSessionField });
      if (msg) setError(msg);
    }
  };

  return (
    <>
      <PageHeader
        before={<Crumbs current={t('training.session.newTitle')} />}
        title={
          <Space size={10}>
            <BackButton />
            <span id="session-title">{t('training.session.newTitle')}</span>
          </Space>
        }
      />
      <div className="page-card" style={{ maxWidth: 760 }}>
        {courses.error ? (
          <QueryError error={courses.error} onRetry={() => void courses.refetch()} />
        ) : courses.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          <Form<SessionValues>
            form={form}
            name="session"
            layout="vertical"
            initialValues={newSessionValues(preset, people.length)}
            onValuesChange={() => setError(null)}
            onFinish={(v) => void submit(v)}
          >
            {people.length > 0 ? (
              <Alert
                id="session-enrol-people"
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('training.session.peopleToEnrol', { count: people.length })}
              />
            ) : null}
            {active.length === 0 ? (
              <Alert
                id="session-no-course"
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('training.session.noActiveCourse')}
                action={
                  <Link to="/training?tab=courses">
                    <Button size="small">{t('trainingTabs.courses')}</Button>
                  </Link>
                }
              />
            ) : null}
            <SessionFields courses={active} />
            {error ? (
              <Alert id="session-error" type="error" showIcon style={{ marginBottom: 16 }} title={error} />
            ) : null}
            <Flex justify="end" gap={8}>
              <Button onClick={() => void navigate(SESSIONS_PATH)}>{t('common.cancel')}</Button>
              <Button id="session-save" type="primary" htmlType="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Flex>
          </Form>
        )}
      </div>
    </>
  );
}

type Dialog = 'edit' | 'enrol' | 'closed' | 'cancelled' | null;

function SessionView({ detail }: { detail: SessionDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const move = useMoveSession();
  const saveResults = useSaveResults();
  const unenrol = useUnenrol();
  const draft = useResultsDraft(detail.attendees);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [resultsError, setResultsError] = useState<string | null>(null);
  const [unenrolling, setUnenrolling] = useState<number | null>(null);
  const s = detail.session;
  const c = detail.course;
  const can = (x: string) => (detail.allowed as string[]).includes(x);
  const held = s.status === 'held';
  const canEnrol = s.status === 'planned' || s.status === 'held';
  const missing = detail.attendees.filter((a) => a.attended === null).length;

  const toHeld = async () => {
    try {
      await move.mutateAsync({ id: s.id, to: 'held' });
      message.success(t('training.session.moved', { status: sessionStatusLabel(t, 'held') }));
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };

  const onSaveResults = async () => {
    setResultsError(null);
    const rows = draft.rows();
    try {
      await saveResults.mutateAsync({ session_id: s.id, rows });
      draft.reset();
      message.success(t('training.results.saved', { count: rows.length }));
    } catch (e) {
      const err = toAppError(e);
      const other = draft.showErrors(err, rows, t);
      const text =
        err.kind === 'validation'
          ? [t('training.results.fixRows'), ...other].join(' ')
          : appErrorMessage(err, t);
      setResultsError(text);
    }
  };

  const onUnenrol = async (a: Attendee) => {
    setUnenrolling(a.enrolment_id);
    try {
      await unenrol.mutateAsync(a.enrolment_id);
      message.success(t('training.results.unenrolled', { name: a.name }));
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    } finally {
      setUnenrolling(null);
    }
  };

  const closeButton = (
    <Button
      id="session-to-closed"
      type="primary"
      icon={<CheckCircleOutlined />}
      disabled={draft.dirty}
      onClick={() => setDialog('closed')}
    >
      {t('training.session.toClosed')}
    </Button>
  );

  return (
    <>
      <PageHeader
        before={<Crumbs current={`${c.code} ${s.date}`} />}
        title={
          <Space size={10} wrap>
            <BackButton />
            <span id="session-title">
              <span className="muted" id="session-course-code">
                {c.code}
              </span>{' '}
              {courseTitle(c, language)}
            </span>
            <SessionStatusTag status={s.status} id="session-status" />
          </Space>
        }
        subtitle={
          <Space size={16} wrap className="detail-meta">
            <span id="session-when">
              {s.date} {s.start_time}
            </span>
            <span id="session-place">{s.place}</span>
            <span id="session-trainer">{t('training.session.trainerIs', { name: s.trainer })}</span>
            <span>
              {t('training.session.capacityLabel')}{' '}
              <span id="session-capacity">
                {s.enrolled}/{s.capacity}
              </span>
            </span>
            <span className="muted">
              {hoursText(t, c.duration_hours)} · {t('training.session.passMark', { mark: c.pass_mark })}
            </span>
          </Space>
        }
        extra={
          <>
            {s.status === 'planned' ? (
              <Needs right="training">
                <Button id="session-edit" icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                  {t('common.edit')}
                </Button>
              </Needs>
            ) : null}
            {canEnrol ? (
              <Button
                id="session-enrol"
                icon={<UserAddOutlined />}
                disabled={s.enrolled >= s.capacity}
                title={s.enrolled >= s.capacity ? t('training.enrol.full') : undefined}
                onClick={() => setDialog('enrol')}
              >
                {t('training.enrol.button')}
              </Button>
            ) : null}
            {can('held') ? (
              <Button
                id="session-to-held"
                type="primary"
                icon={<PlayCircleOutlined />}
                loading={move.isPending}
                onClick={() => void toHeld()}
              >
                {t('training.session.toHeld')}
              </Button>
            ) : null}
            {can('closed') ? (
              draft.dirty ? (
                <Tooltip title={t('training.session.closeDirty')}>
                  <span>{closeButton}</span>
                </Tooltip>
              ) : (
                closeButton
              )
            ) : null}
            {can('cancelled') ? (
              <Button
                id="session-to-cancelled"
                danger
                icon={<StopOutlined />}
                onClick={() => setDialog('cancelled')}
              >
                {t('training.session.toCancelled')}
              </Button>
            ) : null}
          </>
        }
      />

      <Flex vertical gap={16}>
        {s.notes ? (
          <Alert
            id="session-notes"
            type="info"
            title={<span style={{ whiteSpace: 'pre-wrap' }}>{s.notes}</span>}
          />
        ) : null}
        {s.status === 'planned' ? (
          <Typography.Text type="secondary" id="session-planned-hint">
            {t('training.session.plannedHint')}
          </Typography.Text>
        ) : null}
        {s.status === 'closed' ? <SessionCertificates detail={detail} /> : null}
        <Card
          size="small"
          title={t('training.results.title', { count: detail.attendees.length })}
          extra={
            held ? (
              <Space wrap>
                {draft.dirty && can('closed') ? (
                  <Typography.Text type="warning" id="session-close-hint">
                    {t('training.session.closeDirty')}
                  </Typography.Text>
                ) : !draft.dirty && missing > 0 && can('closed') ? (
                  <Typography.Text type="secondary" id="session-missing-hint">
                    {t('training.results.missing', { count: missing })}
                  </Typography.Text>
                ) : null}
                <Button
                  id="results-save"
                  type="primary"
                  icon={<SaveOutlined />}
                  loading={saveResults.isPending}
                  disabled={!draft.dirty && missing === 0}
                  onClick={() => void onSaveResults()}
                >
                  {t('training.results.save')}
                </Button>
              </Space>
            ) : null
          }
        >
          {held ? (
            <Typography.Paragraph type="secondary" id="results-hint" style={{ marginTop: 0 }}>
              {t('training.results.hint')}
            </Typography.Paragraph>
          ) : null}
          {resultsError ? (
            <Alert
              id="results-error"
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={resultsError}
            />
          ) : null}
          <ResultsTable
            detail={detail}
            draft={draft}
            editable={held}
            canUnenrol={canEnrol}
            unenrolling={unenrolling}
            onUnenrol={(a) => void onUnenrol(a)}
            afterLast={() => document.getElementById('results-save')?.focus()}
          />
        </Card>
      </Flex>

      {dialog === 'edit' ? <SessionEditModal detail={detail} onClose={() => setDialog(null)} /> : null}
      {dialog === 'enrol' ? <EnrolModal detail={detail} onClose={() => setDialog(null)} /> : null}
      {dialog === 'closed' || dialog === 'cancelled' ? (
        <SessionMoveModal detail={detail} to={dialog} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}

function ExistingSession({ id }: { id: number }) {
  const { t } = useTranslation();
  const detail = useSession(id);
  if (!Number.isInteger(id) || id <= 0) {
    return (
      <>
        <Crumbs current="…" />
        <QueryError
          error={{ kind: 'not_found', entity: 'session', id: Number.isNaN(id) ? '' : String(id) }}
        />
      </>
    );
  }
  if (detail.error) {
    return (
      <>
        <Crumbs current="…" />
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );
  }
  if (!detail.data) {
    return (
      <>
        <Crumbs current={t('training.session.loading')} />
        <div className="page-card">
          <Skeleton active paragraph={{ rows: 10 }} />
        </div>
      </>
    );
  }
  return <SessionView detail={detail.data} />;
}

/** `/training/sessions/:id` — one session; `/training/sessions/new` plans one. */
export function SessionPage() {
  const param = useParams().id;
  if (param === 'new') return <NewSession />;
  return <ExistingSession key={param} id={Number(param)} />;
}
