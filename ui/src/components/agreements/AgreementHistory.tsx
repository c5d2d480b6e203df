import { Card, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { AgreementEvent } from '../../bindings/AgreementEvent';
import type { VersionRef } from '../../bindings/VersionRef';
import { formatDateTime } from '../../lib/dates';
import { agreementKindLabel, agreementStatusLabel } from './agreementLib';
import { AgreementStatusTag } from './AgreementTags';

/** Every version of the agreement number, oldest first; each links to its page. */
export function AgreementVersions({ versions, currentId }: { versions: VersionRef[]; currentId: number }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('agreement.versions.title')}>
      <div id="agreement-versions">
        {versions.map((v) => (
          <Flex
            key={v.id}
            justify="space-between"
            align="center"
            gap={8}
            className={`agreement-version-item${v.id === currentId ? ' agreement-version-current' : ''}`}
            style={{ padding: '6px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
          >
            <div>
              {v.id === currentId ? (
                <Typography.Text strong id={`agreement-version-${v.version}`}>
                  v{v.version} · {agreementKindLabel(t, v.kind)}
                </Typography.Text>
              ) : (
                <Link to={`/agreements/${v.id}`} id={`agreement-version-${v.version}`}>
                  v{v.version} · {agreementKindLabel(t, v.kind)}
                </Link>
              )}
              <div className="muted">
                {t('agreement.termRange', { start: v.term_start, end: v.term_end })}
              </div>
            </div>
            <AgreementStatusTag status={v.status} />
          </Flex>
        ))}
      </div>
    </Card>
  );
}

function headline(t: ReturnType<typeof useTranslation>['t'], e: AgreementEvent): string {
  if (!e.from_status) return t('agreement.history.created', { to: agreementStatusLabel(t, e.to_status) });
  if (e.from_status === e.to_status) return t('agreement.history.scan');
  return t('agreement.history.moved', {
    from: agreementStatusLabel(t, e.from_status),
    to: agreementStatusLabel(t, e.to_status),
  });
}

/** Everything that happened to this version: creation, status moves, scans. */
export function AgreementHistory({ events }: { events: AgreementEvent[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('agreement.history.title')}>
      <div id="agreement-history">
        {events.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agreement.history.empty')} />
        ) : (
          <Timeline
            items={events.map((e, i) => ({
              key: i,
              color: e.to_status === 'terminated' ? 'red' : e.to_status === 'signed' ? 'green' : 'blue',
              className: 'agreement-event',
              content: (
                <div>
                  <Typography.Text strong>{headline(t, e)}</Typography.Text>
                  {e.text ? (
                    <div className="agreement-event-text" style={{ whiteSpace: 'pre-wrap' }}>
                      {e.text}
                    </div>
                  ) : null}
                  <div className="muted">
                    {formatDateTime(e.at)} · <Tag variant="filled">{e.operator}</Tag>
                  </div>
                </div>
              ),
            }))}
          />
        )}
      </div>
    </Card>
  );
}
