import { DeleteOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { AppError } from '../../bindings/AppError';
import type { Attendee } from '../../bindings/Attendee';
import type { ResultRow } from '../../bindings/ResultRow';
import type { SessionDetail } from '../../bindings/SessionDetail';
import { fieldErrorText } from '../../lib/errors';
import { ResultTag } from './SessionTags';

/** One attendee's result as typed: texts until it is sent. */
export type ResultDraft = { attended: boolean | null; score: string; rating: string; comment: string };

type RowProblem = { field: string; text: string };

export function draftOf(a: Attendee): ResultDraft {
  return {
    attended: a.attended,
    score: a.score === null ? '' : String(a.score),
    rating: a.rating === null ? '' : String(a.rating),
    comment: a.comment,
  };
}

function sameDraft(x: ResultDraft, y: ResultDraft): boolean {
  return (
    x.attended === y.attended &&
    x.score.trim() === y.score.trim() &&
    x.rating.trim() === y.rating.trim() &&
    x.comment.trim() === y.comment.trim()
  );
}

/** What the server gets: a row without attendance ticked counts as absent. */
export function resultRow(enrolmentId: number, d: ResultDraft): ResultRow {
  const score = d.score.trim();
  const rating = d.rating.trim();
  return {
    enrolment_id: enrolmentId,
    attended: d.attended ?? false,
    score: score === '' ? null : Number(score),
    rating: rating === '' ? null : Number(rating),
    comment: d.comment.trim(),
  };
}

/** Pass or fail as the server will decide it, from the course's pass mark. */
export function livePassed(d: ResultDraft, passMark: number): boolean | null {
  if (d.attended !== true || d.score.trim() === '') return null;
  return Number(d.score) >= passMark;
}

/**
 * The results being typed for a session: edited rows over the saved ones, whether
 * anything differs from what is saved, and the server's complaints per row.
 */
export function useResultsDraft(attendees: Attendee[]) {
  const [edits, setEdits] = useState<Map<number, ResultDraft>>(() => new Map());
  const [problems, setProblems] = useState<Map<number, RowProblem[]>>(() => new Map());

  const row = (a: Attendee): ResultDraft => edits.get(a.enrolment_id) ?? draftOf(a);
  const dirty = attendees.some((a) => {
    const e = edits.get(a.enrolment_id);
    return e !== undefined && !sameDraft(e, draftOf(a));
  });

  const set = (a: Attendee, patch: Partial<ResultDraft>) => {
    setEdits((prev) => {
      const next = new Map(prev);
      next.set(a.enrolment_id, { ...(prev.get(a.enrolment_id) ?? draftOf(a)), ...patch });
      return next;
    });
    setProblems((prev) => {
      if (!prev.has(a.enrolment_id)) return prev;
      const next = new Map(prev);
      next.delete(a.enrolment_id);
      return next;
    });
  };

  /** Every row, in the table's order (server row errors count from 1 in this order). */
  const rows = (): ResultRow[] => attendees.map((a) => resultRow(a.enrolment_id, row(a)));

  /** After a successful save the saved values are the server's. */
  const reset = () => {
    setEdits(new Map());
    setProblems(new Map());
  };

  /**
   * Puts the server's row errors (detail = 1-based row of `sent`) on their rows;
   * returns the texts that belong to no row.
   */
  const showErrors = (err: AppError, sent: ResultRow[], t: TFunction): string[] => {
    if (err.kind !== 'validation') return [];
    const byRow = new Map<number, RowProblem[]>();
    const other: string[] = [];
    for (const f of err.fields) {
      const text = fieldErrorText(t, f.code, f.detail, f.field);
      const index = f.detail !== null && /^\d+$/.test(f.detail) ? Number(f.detail) - 1 : -1;
      const target = ['score', 'rating', 'rows', 'comment'].includes(f.field) ? sent[index] : undefined;
      if (target) {
        byRow.set(target.enrolment_id, [...(byRow.get(target.enrolment_id) ?? []), { field: f.field, text }]);
      } else {
        other.push(text);
      }
    }
    setProblems(byRow);
    return other;
  };

  return { row, set, dirty, rows, reset, showErrors, problems };
}

export type ResultsDraft = ReturnType<typeof useResultsDraft>;

const SCORE_RE = /^\d{0,3}$/;
const RATING_RE = /^[1-5]?$/;

type Props = {
  detail: SessionDetail;
  draft: ResultsDraft;
  /** Results can be typed (the session is held). */
  editable: boolean;
  /** People without a result can be taken off (planned or held). */
  canUnenrol: boolean;
  onUnenrol: (a: Attendee) => void;
  unenrolling: number | null;
  /** Where Enter on the last score goes (the save button). */
  afterLast?: () => void;
};

/**
 * The attendees with their results. While the session is held the results are
 * typed here: Enter or ↓ in a score moves to the next person's score, ↑ to the
 * previous; a typed score ticks attendance. Rows are `.attendee-row-<enrolmentId>`,
 * fields `#attended-`, `#score-`, `#rating-`, `#comment-<enrolmentId>`.
 */
export function ResultsTable({
  detail,
  draft,
  editable,
  canUnenrol,
  onUnenrol,
  unenrolling,
  afterLast,
}: Props) {
  const { t } = useTranslation();
  const { attendees, course, session } = detail;
  const showResults = session.status === 'held' || session.status === 'closed';
  const showCertificates = attendees.some((a) => a.certificate_number !== null);

  const focusScore = (index: number) => {
    const a = attendees[index];
    if (!a) {
      if (index >= attendees.length) afterLast?.();
      return;
    }
    const el = document.getElementById(`score-${a.enrolment_id}`) as HTMLInputElement | null;
    el?.focus();
    el?.select();
  };

  const onScoreKey = (index: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === 'ArrowDown') {
      e.preventDefault();
      focusScore(index + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusScore(index - 1);
    }
  };

  const problemOn = (a: Attendee, field: string) =>
    (draft.problems.get(a.enrolment_id) ?? []).some((p) => p.field === field);

  return (
    <Table<Attendee>
      id="attendee-table"
      rowKey="enrolment_id"
      size="small"
      dataSource={attendees}
      pagination={false}
      scroll={{ x: showResults ? 1280 : 820 }}
      locale={{ emptyText: t('training.results.empty') }}
      rowClassName={(a) =>
        `attendee-row attendee-row-${a.enrolment_id}${draft.problems.has(a.enrolment_id) ? ' attendee-row-error' : ''}`
      }
      columns={[
        {
          key: 'index',
          title: '#',
          width: 44,
          render: (_: unknown, _a, i) => <span className="muted">{i + 1}</span>,
        },
        {
          key: 'distributor',
          title: t('fields.distributor_id'),
          width: 200,
          ellipsis: { showTitle: true },
          render: (_: unknown, a) => `${a.distributor_code} ${a.distributor_name}`,
        },
        { key: 'name', title: t('training.results.name'), dataIndex: 'name', width: 100 },
        { key: 'role', title: t('fields.contact_role'), dataIndex: 'role', width: 100, ellipsis: true },
        { key: 'phone', title: t('fields.contact_phone'), dataIndex: 'phone', width: 130 },
        ...(showResults
          ? [
              {
                key: 'attended',
                title: t('training.results.attended'),
                width: 70,
                align: 'center' as const,
                render: (_: unknown, a: Attendee) => (
                  <Checkbox
                    id={`attended-${a.enrolment_id}`}
                    checked={draft.row(a).attended === true}
                    disabled={!editable}
                    aria-label={t('training.results.attendedOf', { name: a.name })}
                    onChange={(e) =>
                      draft.set(a, e.target.checked ? { attended: true } : { attended: false, score: '' })
                    }
                  />
                ),
              },
              {
                key: 'score',
                title: t('fields.score'),
                width: 80,
                render: (_: unknown, a: Attendee, index: number) => {
                  const d = draft.row(a);
                  if (!editable) {
                    return <span id={`score-${a.enrolment_id}`}>{d.score}</span>;
                  }
                  const over = d.score !== '' && Number(d.score) > 100;
                  return (
                    <Input
                      id={`score-${a.enrolment_id}`}
                      className="result-score"
                      value={d.score}
                      inputMode="numeric"
                      autoComplete="off"
                      maxLength={3}
                      status={over || problemOn(a, 'score') ? 'error' : undefined}
                      aria-label={t('training.results.scoreOf', { name: a.name })}
                      onKeyDown={onScoreKey(index)}
                      onChange={(e) => {
                        const v = e.target.value.trim();
                        if (!SCORE_RE.test(v)) return;
                        draft.set(a, v === '' ? { score: '' } : { score: v, attended: true });
                      }}
                    />
                  );
                },
              },
              {
                key: 'result',
                title: t('training.results.result', { mark: course.pass_mark }),
                width: 110,
                render: (_: unknown, a: Attendee) => {
                  const d = draft.row(a);
                  return (
                    <ResultTag
                      id={`result-${a.enrolment_id}`}
                      attended={d.attended}
                      passed={livePassed(d, course.pass_mark)}
                    />
                  );
                },
              },
              {
                key: 'rating',
                title: t('fields.rating'),
                width: 70,
                render: (_: unknown, a: Attendee) => {
                  const d = draft.row(a);
                  if (!editable) return <span id={`rating-${a.enrolment_id}`}>{d.rating}</span>;
                  return (
                    <Input
                      id={`rating-${a.enrolment_id}`}
                      className="result-rating"
                      value={d.rating}
                      inputMode="numeric"
                      autoComplete="off"
                      maxLength={1}
                      placeholder="1–5"
                      status={problemOn(a, 'rating') ? 'error' : undefined}
                      aria-label={t('training.results.ratingOf', { name: a.name })}
                      onChange={(e) => {
                        const v = e.target.value.trim();
                        if (RATING_RE.test(v)) draft.set(a, { rating: v });
                      }}
                    />
                  );
                },
              },
              {
                key: 'comment',
                title: t('fields.comment'),
                width: 240,
                render: (_: unknown, a: Attendee) => {
                  const d = draft.row(a);
                  const problems = draft.problems.get(a.enrolment_id) ?? [];
                  return (
                    <>
                      {editable ? (
                        <Input
                          id={`comment-${a.enrolment_id}`}
                          className="result-comment"
                          value={d.comment}
                          maxLength={500}
                          autoComplete="off"
                          aria-label={t('training.results.commentOf', { name: a.name })}
                          onChange={(e) => draft.set(a, { comment: e.target.value })}
                        />
                      ) : (
                        <span id={`comment-${a.enrolment_id}`}>{d.comment}</span>
                      )}
                      {problems.length > 0 ? (
                        <Typography.Text
                          type="danger"
                          id={`result-error-${a.enrolment_id}`}
                          className="result-error"
                          style={{ display: 'block', fontSize: 12 }}
                        >
                          {problems.map((p) => p.text).join('；')}
                        </Typography.Text>
                      ) : null}
                    </>
                  );
                },
              },
            ]
          : []),
        ...(showCertificates
          ? [
              {
                key: 'certificate',
                title: t('training.results.certificate'),
                width: 150,
                render: (_: unknown, a: Attendee) =>
                  a.certificate_number ? (
                    <span id={`certificate-${a.enrolment_id}`} className="certificate-number">
                      {a.certificate_number}
                    </span>
                  ) : null,
              },
            ]
          : []),
        ...(canUnenrol
          ? [
              {
                key: 'actions',
                title: '',
                width: 56,
                render: (_: unknown, a: Attendee) =>
                  a.attended === null ? (
                    <Button
                      id={`unenrol-${a.enrolment_id}`}
                      className="unenrol"
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      loading={unenrolling === a.enrolment_id}
                      aria-label={t('training.results.unenrol', { name: a.name })}
                      title={t('training.results.unenrol', { name: a.name })}
                      onClick={() => onUnenrol(a)}
                    />
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}
