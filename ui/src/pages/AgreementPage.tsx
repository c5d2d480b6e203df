import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  DiffOutlined,
  PaperClipOutlined,
  RedoOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Col, Empty, Result, Row, Skeleton, Space, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';

import type { AgreementDetail } from '../bindings/AgreementDetail';
import type { AgreementKind } from '../bindings/AgreementKind';
import type { AppError } from '../bindings/AppError';
import {
  AgreementEditor,
  agreementValues,
  newAgreementValues,
  type EditorHandle,
} from '../components/agreements/AgreementEditor';
import { AgreementHistory, AgreementVersions } from '../components/agreements/AgreementHistory';
import { agreementErrorMessage, agreementKindLabel } from '../components/agreements/agreementLib';
import { AgreementPdfCard } from '../components/agreements/AgreementPdfCard';
import { AgreementStatusTag, ConflictTag, DaysToEnd } from '../components/agreements/AgreementTags';
import { AgreementView } from '../components/agreements/AgreementView';
import { NewAgreementModal } from '../components/agreements/NewAgreementModal';
import { SignModal } from '../components/agreements/SignModal';
import { TerminateModal } from '../components/agreements/TerminateModal';
import { PageHeader } from '../components/PageHeader';
import { PathPromptModal } from '../components/PathPromptModal';
import { QueryError } from '../components/QueryError';
import { dialogs, toAppError } from '../ipc';
import {
  useAgreement,
  useAttachAgreementScan,
  useNewAgreementVersion,
  useOpenAgreementScan,
  useSubmitAgreement,
  useWithdrawAgreement,
} from '../ipc/agreements';
import { useDistributor } from '../ipc/queries';
import { formatDateTime } from '../lib/dates';
import { Needs } from '../components/Needs';

/** A failed load of the agreement, named in the agreement's own words. */
function LoadError({ error, onRetry }: { error: AppError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status={error.kind === 'not_found' ? '404' : 'error'}
      title={agreementErrorMessage(error, t)}
      extra={
        onRetry ? (
          <Button onClick={onRetry} type="primary">
            {t('common.retry')}
          </Button>
        ) : null
      }
    />
  );
}

function Crumbs({ current }: { current: string }) {
  const { t } = useTranslation();
  return (
    <Breadcrumb
      style={{ marginBottom: 8 }}
      items={[{ title: <Link to="/agreements">{t('nav.agreements')}</Link> }, { title: current }]}
    />
  );
}

function useBack() {
  const navigate = useNavigate();
  return () => {
    if (window.history.length > 1) void navigate(-1);
    else void navigate('/agreements');
  };
}

/** `/agreements/new?distributor=<id>`: the editor, pre-filled from the distributor. */
function NewAgreement() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const back = useBack();
  const [sp] = useSearchParams();
  const distributorId = Number(sp.get('distributor'));
  const valid = Number.isInteger(distributorId) && distributorId > 0;
  const distributor = useDistributor(valid ? distributorId : 0);
  const [picking, setPicking] = useState(false);
  const crumbs = <Crumbs current={t('agreement.newTitle')} />;

  if (!valid) {
    return (
      <>
        {crumbs}
        <div className="page-card">
          <Empty description={t('agreement.pickDistributorFirst')}>
            <Button id="agreement-pick-distributor" type="primary" onClick={() => setPicking(true)}>
              {t('agreement.list.new')}
            </Button>
          </Empty>
        </div>
        {picking ? <NewAgreementModal onClose={() => setPicking(false)} /> : null}
      </>
    );
  }
  if (distributor.error) {
    return (
      <>
        {crumbs}
        <QueryError error={distributor.error} onRetry={() => void distributor.refetch()} />
      </>
    );
  }
  if (!distributor.data) {
    return (
      <>
        {crumbs}
        <div className="page-card">
          <Skeleton active paragraph={{ rows: 10 }} />
        </div>
      </>
    );
  }
  const d = distributor.data.distributor;
  return (
    <>
      <PageHeader
        before={crumbs}
        title={
          <Space size={10}>
            <Button
              type="text"
              size="small"
              icon={<ArrowLeftOutlined />}
              onClick={back}
              aria-label={t('complaint.back')}
            />
            <span id="agreement-number">{t('agreement.newTitle')}</span>
            <AgreementStatusTag status="draft" id="agreement-status" />
          </Space>
        }
        subtitle={
          <Link to={`/distributors/${d.id}`} id="agreement-distributor">
            {d.code} {d.name}
          </Link>
        }
      />
      {d.status === 'rejected' || d.status === 'terminated' ? (
        <Alert
          id="agreement-distributor-closed"
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('errors.distributor_closed')}
        />
      ) : null}
      <AgreementEditor
        distributorId={d.id}
        agreementId={null}
        initial={newAgreementValues(d)}
        onSaved={(detail) => void navigate(`/agreements/${detail.agreement.id}`, { replace: true })}
      />
    </>
  );
}

type Dialog = 'sign' | 'terminate' | 'scan' | null;

function Actions({
  detail,
  busy,
  onSubmit,
  onWithdraw,
  onVersion,
  onOpen,
}: {
  detail: AgreementDetail;
  busy: string | null;
  onSubmit: () => void;
  onWithdraw: () => void;
  onVersion: (kind: AgreementKind) => void;
  onOpen: (d: Dialog) => void;
}) {
  const { t } = useTranslation();
  const a = detail.agreement;
  const can = (s: string) => (detail.allowed as string[]).includes(s);
  return (
    <>
      {can('awaiting_signature') ? (
        <Button
          id="agreement-submit"
          type="primary"
          icon={<SendOutlined />}
          loading={busy === 'submit'}
          onClick={onSubmit}
        >
          {t('agreement.actions.submit')}
        </Button>
      ) : null}
      {can('signed') ? (
        <Button
          id="agreement-sign"
          type="primary"
          icon={<CheckCircleOutlined />}
          onClick={() => onOpen('sign')}
        >
          {t('agreement.actions.sign')}
        </Button>
      ) : null}
      {can('draft') ? (
        <Button
          id="agreement-withdraw"
          icon={<RollbackOutlined />}
          loading={busy === 'withdraw'}
          onClick={onWithdraw}
        >
          {t('agreement.actions.withdraw')}
        </Button>
      ) : null}
      {detail.can_new_version ? (
        <>
          <Button
            id="agreement-amend"
            icon={<DiffOutlined />}
            loading={busy === 'amendment'}
            onClick={() => onVersion('amendment')}
          >
            {t('agreement.actions.amend')}
          </Button>
          <Button
            id="agreement-renew"
            icon={<RedoOutlined />}
            loading={busy === 'renewal'}
            onClick={() => onVersion('renewal')}
          >
            {t('agreement.actions.renew')}
          </Button>
        </>
      ) : null}
      {a.signed_date !== null ? (
        <Button id="agreement-attach-scan" icon={<PaperClipOutlined />} onClick={() => onOpen('scan')}>
          {a.scan_name ? t('agreement.actions.replaceScan') : t('agreement.actions.attachScan')}
        </Button>
      ) : null}
      {can('terminated') ? (
        <Button id="agreement-terminate" danger icon={<StopOutlined />} onClick={() => onOpen('terminate')}>
          {t('agreement.actions.terminate')}
        </Button>
      ) : null}
    </>
  );
}

function ExistingAgreement({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const back = useBack();
  const detail = useAgreement(id);
  const submit = useSubmitAgreement();
  const withdraw = useWithdrawAgreement();
  const newVersion = useNewAgreementVersion();
  const attachScan = useAttachAgreementScan();
  const openScan = useOpenAgreementScan();
  const editor = useRef<EditorHandle>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // Bumped to read the draft again into a fresh editor.
  const [generation, setGeneration] = useState(0);
  const reloadDraft = async () => {
    await detail.refetch();
    setGeneration((g) => g + 1);
  };

  const crumbs = <Crumbs current={detail.data?.agreement.number ?? '…'} />;
  if (!Number.isInteger(id) || id <= 0) {
    return (
      <>
        {crumbs}
        <LoadError
          error={{ kind: 'not_found', entity: 'agreement', id: Number.isNaN(id) ? '' : String(id) }}
        />
      </>
    );
  }
  if (detail.error) {
    return (
      <>
        {crumbs}
        <LoadError error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );
  }
  if (!detail.data) {
    return (
      <>
        {crumbs}
        <div className="page-card">
          <Skeleton active paragraph={{ rows: 10 }} />
        </div>
      </>
    );
  }

  const d = detail.data;
  const a = d.agreement;
  const draft = a.status === 'draft';
  const newest = d.versions[d.versions.length - 1];
  const fail = (e: unknown) => message.error(agreementErrorMessage(toAppError(e), t));

  /** A draft with unsaved changes is saved before it moves on or is printed. */
  const ensureSaved = async (): Promise<boolean> => {
    const ed = editor.current;
    if (!draft || !ed || !ed.isDirty()) return true;
    return (await ed.save()) !== null;
  };

  const run = async (key: string, work: () => Promise<void>) => {
    setBusy(key);
    try {
      await work();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = () =>
    void run('submit', async () => {
      if (!(await ensureSaved())) return;
      await submit.mutateAsync(a.id);
      message.success(t('agreement.actions.submitted'));
    });

  const onWithdraw = () =>
    void run('withdraw', async () => {
      await withdraw.mutateAsync(a.id);
      message.success(t('agreement.actions.withdrawn'));
    });

  const onVersion = (kind: AgreementKind) =>
    void run(kind, async () => {
      const created = await newVersion.mutateAsync({ id: a.id, kind });
      message.success(
        t('agreement.actions.versionCreated', {
          version: created.agreement.version,
          kind: agreementKindLabel(t, kind),
        }),
      );
      void navigate(`/agreements/${created.agreement.id}`);
    });

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
            <span id="agreement-number">{a.number}</span>
            <span id="agreement-version" className="muted">
              v{a.version}
            </span>
            <Tag id="agreement-kind">{agreementKindLabel(t, a.kind)}</Tag>
            <AgreementStatusTag status={a.status} id="agreement-status" />
            {a.conflict ? <ConflictTag /> : null}
            <DaysToEnd days={a.days_to_end} />
          </Space>
        }
        subtitle={
          <Space size={16} wrap className="detail-meta">
            <Link to={`/distributors/${a.distributor_id}`} id="agreement-distributor">
              {a.distributor_code} {a.distributor_name}
            </Link>
            <span>{t('agreement.termRange', { start: a.term_start, end: a.term_end })}</span>
            <span className="muted">
              {t('agreement.createdBy', { by: a.created_by, at: formatDateTime(a.created_at) })}
            </span>
          </Space>
        }
        extra={
          <Needs right="channel">
            <Actions
              detail={d}
              busy={busy}
              onSubmit={onSubmit}
              onWithdraw={onWithdraw}
              onVersion={onVersion}
              onOpen={setDialog}
            />
          </Needs>
        }
      />

      <Space orientation="vertical" size={16} style={{ width: '100%', marginBottom: 16 }}>
        {d.conflicts.length > 0 ? (
          <Alert
            id="agreement-conflicts"
            type="warning"
            showIcon
            title={t('agreement.conflicts.title', { count: d.conflicts.length })}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {d.conflicts.map((c) => (
                  <li key={c.agreement_id} className={`agreement-conflict agreement-conflict-${c.number}`}>
                    <Link to={`/agreements/${c.agreement_id}`}>
                      {c.number} v{c.version}
                    </Link>{' '}
                    {t(c.other_exclusive ? 'agreement.conflicts.lineExclusive' : 'agreement.conflicts.line', {
                      distributor: `${c.distributor_code} ${c.distributor_name}`,
                      areas: c.areas.join(t('agreement.separator')),
                    })}
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        {newest && newest.id !== a.id ? (
          <Alert
            id="agreement-old-version"
            type="info"
            showIcon
            title={
              <span>
                {t('agreement.oldVersion', { version: newest.version })}{' '}
                <Link to={`/agreements/${newest.id}`} id="agreement-newest-link">
                  {t('agreement.openNewest')}
                </Link>
              </span>
            }
          />
        ) : null}
        {a.status === 'awaiting_signature' ? (
          <Alert id="agreement-awaiting-hint" type="info" showIcon title={t('agreement.awaitingHint')} />
        ) : null}
      </Space>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          {draft ? (
            <AgreementEditor
              // A new editor only when asked to reload: another user's save
              // never replaces what is being typed (that save is refused instead).
              key={`${a.id}-${generation}`}
              ref={editor}
              distributorId={a.distributor_id}
              agreementId={a.id}
              initial={agreementValues(a)}
              version={a.updated_at}
              onSaved={() => undefined}
              onReload={() => void reloadDraft()}
            />
          ) : (
            <AgreementView
              agreement={a}
              scanBusy={openScan.isPending}
              onOpenScan={() => void openScan.mutateAsync(a.id).catch(fail)}
            />
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <AgreementPdfCard agreement={a} beforeWrite={ensureSaved} />
            <AgreementVersions versions={d.versions} currentId={a.id} />
            <AgreementHistory events={d.history} />
          </Space>
        </Col>
      </Row>

      {dialog === 'sign' ? <SignModal agreement={a} onClose={() => setDialog(null)} /> : null}
      {dialog === 'terminate' ? <TerminateModal agreement={a} onClose={() => setDialog(null)} /> : null}
      {dialog === 'scan' ? (
        <PathPromptModal
          title={t('agreement.scan.title')}
          inputId="agreement-scan-path"
          okId="agreement-scan-ok"
          okText={t('agreement.scan.ok')}
          initial=""
          hint={t('agreement.scan.hint')}
          busy={attachScan.isPending}
          browse={() =>
            dialogs.pickAttachmentFile(t('agreement.scan.title'), {
              images: t('attachments.filterImages'),
              pdf: t('attachments.filterPdf'),
              all: t('attachments.filterAll'),
            })
          }
          onSubmit={async (scan_path) => {
            try {
              await attachScan.mutateAsync({ id: a.id, scan_path });
              setDialog(null);
              message.success(t('agreement.scan.done'));
            } catch (e) {
              fail(e);
            }
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}

/** `/agreements/:id` — one agreement version; `/agreements/new?distributor=<id>` starts one. */
export function AgreementPage() {
  const param = useParams().id;
  if (param === 'new') return <NewAgreement />;
  return <ExistingAgreement key={param} id={Number(param)} />;
}
