import { FileExcelOutlined, FilePdfOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Form, Input, Row, Skeleton, Space, Statistic, Table } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Choice } from '../bindings/Choice';
import type { ComplaintReport } from '../bindings/ComplaintReport';
import type { Count } from '../bindings/Count';
import type { ParetoRow } from '../bindings/ParetoRow';
import type { ReportRequest } from '../bindings/ReportRequest';
import { ComplaintTable } from '../components/complaints/ComplaintTable';
import { DistributorSelect } from '../components/complaints/DistributorSelect';
import { EChart, type ChartOption } from '../components/complaints/EChart';
import { PageHeader } from '../components/PageHeader';
import { PathPromptModal } from '../components/PathPromptModal';
import { QueryError } from '../components/QueryError';
import { ruleFrom, ruleObjectFrom } from '../forms/rules';
import { normaliseLanguage } from '../i18n';
import { dialogs, toAppError } from '../ipc';
import { useComplaintReport, useComplaintReportFile, useComplaintSettings } from '../ipc/queries';
import {
  choiceLabel,
  complaintStatusLabel,
  formatHours,
  formatPct,
  priorityLabel,
  thisMonth,
} from '../lib/complaints';
import { appErrorMessage, applyAppErrorToForm } from '../lib/errors';
import { checkDate, checkPeriod } from '../lib/ledger';
import { PAGE_SIZE } from '../lib/paging';
import { Needs } from '../components/Needs';

type Values = { from: string; to: string; distributor_id: number | null };
type FileFormat = 'pdf' | 'xlsx';

function categoryName(t: TFunction, categories: Choice[] | undefined, key: string, language: string) {
  return key ? choiceLabel(categories, key, language) : t('complaint.uncategorised');
}

/** A two-column table of counts. */
/** A `{key: count}` breakdown of the report as rows, in the server's order (most first). */
function countRows(counts: Record<string, number>): Count[] {
  return Object.entries(counts).map(([key, count]) => ({ key, count }));
}

function CountTable({
  id,
  title,
  rows,
  label,
}: {
  id: string;
  title: string;
  rows: Count[];
  label: (key: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <Table<Count>
      id={id}
      size="small"
      rowKey="key"
      dataSource={rows}
      pagination={false}
      columns={[
        { key: 'key', dataIndex: 'key', title, render: (k: string) => label(k) },
        { key: 'count', dataIndex: 'count', title: t('report.count'), width: 90, align: 'right' },
      ]}
    />
  );
}

function Charts({ report, categories }: { report: ComplaintReport; categories: Choice[] | undefined }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;

  const byStatus: ChartOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 56 },
      xAxis: {
        type: 'category',
        data: Object.keys(report.by_status).map((k) => complaintStatusLabel(t, k)),
        axisLabel: { interval: 0, rotate: 30 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('report.count'),
          data: Object.values(report.by_status),
          itemStyle: { color: '#3b7ddd' },
          barMaxWidth: 36,
        },
      ],
    }),
    [report, t],
  );

  const byCategory: ChartOption = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          data: countRows(report.by_category).map((c) => ({
            name: categoryName(t, categories, c.key, language),
            value: c.count,
          })),
          label: { formatter: '{b}: {c}' },
        },
      ],
    }),
    [report, categories, language, t],
  );

  const pareto: ChartOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 48, top: 16, bottom: 90 },
      xAxis: {
        type: 'category',
        data: report.pareto.map(
          (p) => `${categoryName(t, categories, p.category, language)} / ${p.product || t('common.none')}`,
        ),
        axisLabel: { interval: 0, rotate: 30 },
      },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        {
          type: 'bar',
          name: t('report.count'),
          data: report.pareto.map((p) => p.count),
          itemStyle: { color: '#3b7ddd' },
          barMaxWidth: 36,
        },
        {
          type: 'line',
          name: t('report.cumulative'),
          yAxisIndex: 1,
          data: report.pareto.map((p) => p.cumulative_pct),
          itemStyle: { color: '#fa8c16' },
        },
      ],
    }),
    [report, categories, language, t],
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title={t('report.byStatus')} size="small">
          <EChart id="chart-by-status" option={byStatus} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('report.byCategory')} size="small">
          <EChart id="chart-by-category" option={byCategory} />
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t('report.pareto')} size="small">
          <EChart id="chart-pareto" option={pareto} height={340} />
        </Card>
      </Col>
    </Row>
  );
}

function ReportBody({ report }: { report: ComplaintReport }) {
  const { t, i18n } = useTranslation();
  const settings = useComplaintSettings();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const categories = settings.data?.categories;
  const none = t('common.none');
  const names = new Map(report.complaints.map((c) => [c.distributor_code, c.distributor_name]));

  if (report.total === 0) {
    return (
      <div className="page-card" id="report-empty">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.empty')} />
      </div>
    );
  }

  const stats: { id: string; title: string; value: string }[] = [
    { id: 'report-total', title: t('report.total'), value: String(report.total) },
    {
      id: 'report-first-response-met',
      title: t('report.firstResponseMet'),
      value: formatPct(report.sla.first_response_met_pct, none),
    },
    {
      id: 'report-resolution-met',
      title: t('report.resolutionMet'),
      value: formatPct(report.sla.resolution_met_pct, none),
    },
    {
      id: 'report-first-response-hours',
      title: t('report.firstResponseHours'),
      value: t('report.avgP90', {
        avg: formatHours(report.first_response_hours.avg, none),
        p90: formatHours(report.first_response_hours.p90, none),
      }),
    },
    {
      id: 'report-resolution-hours',
      title: t('report.resolutionHours'),
      value: t('report.avgP90', {
        avg: formatHours(report.resolution_hours.avg, none),
        p90: formatHours(report.resolution_hours.p90, none),
      }),
    },
    {
      id: 'report-satisfaction',
      title: t('report.satisfaction'),
      value:
        report.satisfaction_avg === null ? none : (Math.round(report.satisfaction_avg * 10) / 10).toFixed(1),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" id="report-summary">
        <Row gutter={[16, 16]}>
          {stats.map((s) => (
            <Col xs={12} md={8} xl={4} key={s.id}>
              <Statistic
                title={s.title}
                value={s.value}
                valueRender={() => <span id={s.id}>{s.value}</span>}
              />
            </Col>
          ))}
        </Row>
      </Card>
      <Charts report={report} categories={categories} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} xl={6}>
          <Card title={t('report.byStatus')} size="small">
            <CountTable
              id="report-by-status"
              title={t('fields.status')}
              rows={countRows(report.by_status)}
              label={(k) => complaintStatusLabel(t, k)}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card title={t('report.byCategory')} size="small">
            <CountTable
              id="report-by-category"
              title={t('fields.category')}
              rows={countRows(report.by_category)}
              label={(k) => categoryName(t, categories, k, language)}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card title={t('report.byPriority')} size="small">
            <CountTable
              id="report-by-priority"
              title={t('fields.priority')}
              rows={countRows(report.by_priority)}
              label={(k) => `${priorityLabel(k)} ${t(`priority.${k}`, { defaultValue: '' })}`.trim()}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card title={t('report.byDistributor')} size="small">
            <CountTable
              id="report-by-distributor"
              title={t('fields.distributor_id')}
              rows={countRows(report.by_distributor)}
              label={(k) => `${k} ${names.get(k) ?? ''}`.trim()}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('report.pareto')} size="small">
        <Table<ParetoRow>
          id="report-pareto"
          size="small"
          rowKey={(p) => `${p.category}|${p.product}`}
          dataSource={report.pareto}
          pagination={false}
          columns={[
            {
              key: 'category',
              dataIndex: 'category',
              title: t('fields.category'),
              render: (k: string) => categoryName(t, categories, k, language),
            },
            {
              key: 'product',
              dataIndex: 'product',
              title: t('fields.product'),
              render: (p: string) => p || none,
            },
            { key: 'count', dataIndex: 'count', title: t('report.count'), width: 90, align: 'right' },
            {
              key: 'cumulative_pct',
              dataIndex: 'cumulative_pct',
              title: t('report.cumulative'),
              width: 120,
              align: 'right',
              render: (v: number) => formatPct(v, none),
            },
          ]}
        />
      </Card>
      <Card title={t('report.complaints')} size="small">
        <ComplaintTable
          id="report-complaints"
          rows={report.complaints}
          pagination={
            report.complaints.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false } : false
          }
          loading={false}
          empty={none}
        />
      </Card>
    </Space>
  );
}

/** Complaint statistics for a period: SLA compliance, hours, charts; saved as PDF or Excel. */
export function ComplaintReportPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const initial = thisMonth();
  const [req, setReq] = useState<ReportRequest>({ ...initial, distributor_id: null });
  const report = useComplaintReport(req);
  const file = useComplaintReportFile();
  const [asking, setAsking] = useState<{ format: FileFormat; initial: string; name: string } | null>(null);

  const show = async () => {
    const v = await form.validateFields();
    const next: ReportRequest = {
      from: v.from.trim(),
      to: v.to.trim(),
      distributor_id: v.distributor_id ?? null,
    };
    if (JSON.stringify(next) === JSON.stringify(req)) void report.refetch();
    else setReq(next);
  };

  // A period the server refuses puts its message on the field.
  const err = report.error;
  const fieldError = err?.kind === 'validation';
  useEffect(() => {
    if (err?.kind === 'validation') applyAppErrorToForm(form, err, t);
  }, [err, form, t]);

  const fileName = (format: FileFormat) => `${t('report.fileName')}-${req.from}-${req.to}.${format}`;

  const ask = async (format: FileFormat) => {
    const name = fileName(format);
    setAsking({ format, name, initial: await dialogs.suggestedPath(name) });
  };

  const save = async (format: FileFormat, typed: string) => {
    const path = /\.(pdf|xlsx)$/i.test(typed) ? typed : `${typed}.${format}`;
    try {
      const written = await file.mutateAsync({
        report: req,
        lang: normaliseLanguage(i18n.language) ?? 'zh-CN',
        path,
      });
      setAsking(null);
      message.success(t('report.saved', { path: written }));
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };

  const dateRule = ruleFrom<string>(t, checkDate);

  return (
    <>
      <PageHeader
        title={t('report.title')}
        extra={
          <>
            <Needs right="export">
              <Button
                id="report-pdf"
                icon={<FilePdfOutlined />}
                disabled={!report.data}
                onClick={() => void ask('pdf')}
              >
                {t('report.pdf')}
              </Button>
            </Needs>
            <Needs right="export">
              <Button
                id="report-xlsx"
                icon={<FileExcelOutlined />}
                disabled={!report.data}
                onClick={() => void ask('xlsx')}
              >
                {t('report.xlsx')}
              </Button>
            </Needs>
          </>
        }
      />
      <div className="page-card" style={{ marginBottom: 16 }}>
        <Form<Values>
          form={form}
          name="report"
          layout="inline"
          initialValues={{ ...initial, distributor_id: null }}
          onFinish={() => void show()}
        >
          <Form.Item name="from" label={t('fields.from')} rules={[dateRule]}>
            <Input style={{ width: 130 }} placeholder={t('common.datePlaceholder')} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="to"
            label={t('fields.to')}
            dependencies={['from']}
            rules={[
              dateRule,
              ({ getFieldValue }) =>
                ruleObjectFrom<string>(t, (v) => checkPeriod(getFieldValue('from') as string, v ?? '')),
            ]}
          >
            <Input style={{ width: 130 }} placeholder={t('common.datePlaceholder')} autoComplete="off" />
          </Form.Item>
          <Form.Item name="distributor_id" label={t('fields.distributor_id')}>
            <DistributorSelect allowClear placeholder={t('report.allDistributors')} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item>
            <Button
              id="report-show"
              type="primary"
              htmlType="submit"
              icon={<SearchOutlined />}
              loading={report.isFetching}
            >
              {t('report.show')}
            </Button>
          </Form.Item>
        </Form>
      </div>
      {err && !fieldError ? (
        <QueryError error={err} onRetry={() => void report.refetch()} />
      ) : report.data ? (
        <ReportBody report={report.data} />
      ) : err ? null : (
        <div className="page-card">
          <Skeleton active paragraph={{ rows: 6 }} />
        </div>
      )}
      {asking ? (
        <PathPromptModal
          title={asking.format === 'pdf' ? t('report.saveTitlePdf') : t('report.saveTitleXlsx')}
          inputId="report_path"
          okId="report-file-save"
          okText={t('common.save')}
          initial={asking.initial}
          busy={file.isPending}
          browse={() =>
            asking.format === 'pdf'
              ? dialogs.pickPdfPath(t('report.saveTitlePdf'), asking.name)
              : dialogs.pickExportPath(t('report.saveTitleXlsx'), 'xlsx', asking.name)
          }
          onSubmit={(path) => save(asking.format, path)}
          onClose={() => setAsking(null)}
        />
      ) : null}
    </>
  );
}
