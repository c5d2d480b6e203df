// Course-code tags and the compliance bar, shared by the compliance list and the distributor tab.
import { Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Green when complete, orange when partly covered, red when nothing is. */
export function complianceColor(pct: number): string {
  if (pct >= 100) return '#52c41a';
  if (pct >= 50) return '#faad14';
  return '#ff4d4f';
}

export function ComplianceBar({ pct, id, width }: { pct: number; id?: string; width?: number }) {
  return (
    <span
      id={id}
      className="compliance-pct"
      data-pct={pct}
      style={{ display: 'inline-block', width: width ?? 160 }}
    >
      <Progress
        percent={pct}
        size="small"
        strokeColor={complianceColor(pct)}
        status={pct >= 100 ? 'success' : 'normal'}
        format={(p) => `${p ?? 0}%`}
      />
    </span>
  );
}

/** Course codes as tags with the title on hover; missing ones are red. */
export function CourseCodeTags({
  codes,
  titleOf,
  missing,
  empty,
}: {
  codes: string[];
  titleOf: (code: string) => string;
  missing?: boolean;
  empty: string;
}) {
  const { t } = useTranslation();
  if (codes.length === 0) {
    return (
      <Typography.Text type="secondary" className="compliance-none">
        {empty || t('common.none')}
      </Typography.Text>
    );
  }
  return (
    <Flex gap={4} wrap>
      {codes.map((code) => {
        const title = titleOf(code);
        const tag = (
          <Tag
            key={code}
            color={missing ? 'red' : undefined}
            className={
              missing ? `compliance-missing-tag compliance-missing-${code}` : 'compliance-required-tag'
            }
            data-course={code}
            style={{ marginInlineEnd: 0 }}
          >
            {code}
          </Tag>
        );
        return title ? (
          <Tooltip key={code} title={title}>
            {tag}
          </Tooltip>
        ) : (
          tag
        );
      })}
    </Flex>
  );
}
