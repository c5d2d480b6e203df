import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { EventKind } from '../../bindings/EventKind';
import type { TimelineEntry } from '../../bindings/TimelineEntry';
import { attachmentName, complaintStatusLabel, shortTime } from '../../lib/complaints';

const KIND_COLOR: Record<EventKind, string> = {
  transition: 'blue',
  note: 'gray',
  assignment: 'green',
  attachment: 'gray',
};

function Headline({ e }: { e: TimelineEntry }) {
  const { t } = useTranslation();
  switch (e.kind) {
    case 'transition':
      return e.from_status && e.to_status ? (
        <>
          {t('timeline.transition', {
            from: complaintStatusLabel(t, e.from_status),
            to: complaintStatusLabel(t, e.to_status),
          })}
        </>
      ) : (
        <>{t('timeline.created', { to: complaintStatusLabel(t, e.to_status ?? 'received') })}</>
      );
    case 'assignment':
      return <>{t('timeline.assignment', { name: e.text })}</>;
    case 'note':
      return <>{t('timeline.note')}</>;
    case 'attachment':
      return <>{t('timeline.attachment')}</>;
  }
}

type Props = {
  entries: TimelineEntry[];
  busy: { note: boolean; assign: boolean };
  onNote: (text: string) => Promise<boolean>;
  onAssign: (name: string) => Promise<boolean>;
  /** Asks for a file to attach (a typed path or the system dialog). */
  onAttach: () => void;
  onOpenAttachment: (storedName: string) => void;
};

/** Everything that happened to a complaint, oldest first, with a note box and the hand-over field. */
export function ComplaintTimeline({ entries, busy, onNote, onAssign, onAttach, onOpenAttachment }: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [assignee, setAssignee] = useState('');

  const addNote = async () => {
    if (!note.trim()) return;
    if (await onNote(note.trim())) setNote('');
  };
  const assign = async () => {
    if (!assignee.trim()) return;
    if (await onAssign(assignee.trim())) setAssignee('');
  };

  return (
    <Card title={t('timeline.title')} size="small">
      <div id="complaint-timeline">
        {entries.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />
        ) : (
          <Timeline
            items={entries.map((e) => ({
              key: e.id,
              color: KIND_COLOR[e.kind],
              className: `timeline-entry timeline-${e.kind}`,
              content: (
                <div data-entry-id={e.id} data-kind={e.kind}>
                  <Typography.Text strong>
                    <Headline e={e} />
                  </Typography.Text>
                  <div className="detail-meta">
                    {shortTime(e.at)} · {t('history.by', { operator: e.operator })}
                  </div>
                  {e.kind === 'attachment' ? (
                    <div className="timeline-text">
                      {attachmentName(e.text)}{' '}
                      <Button
                        size="small"
                        type="link"
                        className="timeline-open-attachment"
                        onClick={() => onOpenAttachment(e.text)}
                      >
                        {t('common.open')}
                      </Button>
                    </div>
                  ) : e.text && e.kind !== 'assignment' ? (
                    <div className="timeline-text">{e.text}</div>
                  ) : null}
                </div>
              ),
            }))}
          />
        )}
      </div>
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        <Space.Compact style={{ width: '100%' }}>
          <Input.TextArea
            id="note_text"
            value={note}
            autoSize={{ minRows: 1, maxRows: 5 }}
            maxLength={4000}
            placeholder={t('timeline.notePlaceholder')}
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void addNote();
              }
            }}
          />
          <Button id="note-add" loading={busy.note} disabled={!note.trim()} onClick={() => void addNote()}>
            {t('timeline.addNote')}
          </Button>
        </Space.Compact>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            id="assign_text"
            value={assignee}
            maxLength={60}
            placeholder={t('timeline.assignPlaceholder')}
            onChange={(e) => setAssignee(e.target.value)}
            onPressEnter={() => void assign()}
          />
          <Button
            id="assign-save"
            loading={busy.assign}
            disabled={!assignee.trim()}
            onClick={() => void assign()}
          >
            {t('timeline.assign')}
          </Button>
        </Space.Compact>
        <Button id="complaint-attach" icon={<PaperClipOutlined />} onClick={onAttach}>
          {t('timeline.attach')}
        </Button>
      </Space>
    </Card>
  );
}
