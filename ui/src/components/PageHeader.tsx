import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

type Props = {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  before?: ReactNode;
};

/** The title row every page starts with. */
export function PageHeader({ title, subtitle, extra, before }: Props) {
  return (
    <div className="page-header">
      {before}
      <Flex justify="space-between" align="center" gap={16} wrap>
        <div className="page-header-title">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {subtitle ? <div className="page-header-subtitle">{subtitle}</div> : null}
        </div>
        {extra ? (
          <Flex gap={8} wrap align="center">
            {extra}
          </Flex>
        ) : null}
      </Flex>
    </div>
  );
}
