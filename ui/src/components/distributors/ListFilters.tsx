import { SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ListParams } from '../../hooks/useListParams';
import { useTierLabel } from '../../hooks/useTierLabel';
import { useTerritories } from '../../ipc/queries';
import { STATUSES, TIERS } from '../../lib/domain';

type Props = {
  params: ListParams;
  filtered: boolean;
  onChange: (patch: Partial<ListParams>) => void;
  onReset: () => void;
};

const SEARCH_DELAY_MS = 200;

/** Search-as-you-type box that reports after a short pause. */
function SearchBox({ initial, onSearch }: { initial: string; onSearch: (v: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  return (
    <Input
      id="distributor-search"
      allowClear
      value={text}
      prefix={<SearchOutlined className="muted" />}
      placeholder={t('list.searchPlaceholder')}
      style={{ width: 380 }}
      onChange={(e) => {
        const v = e.target.value;
        setText(v);
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => onSearch(v.trim()), SEARCH_DELAY_MS);
      }}
    />
  );
}

export function ListFilters({ params, filtered, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const territories = useTerritories();
  const tierLabel = useTierLabel();
  // Remounting the search box is how a reset clears its text.
  const [resetCount, setResetCount] = useState(0);

  return (
    <Flex gap={8} wrap align="center" className="list-toolbar">
      <SearchBox key={resetCount} initial={params.search} onSearch={(search) => onChange({ search })} />
      <Select
        id="filter-tier"
        allowClear
        style={{ width: 130 }}
        placeholder={t('list.allTiers')}
        value={params.tier ?? undefined}
        onChange={(tier) => onChange({ tier: tier ?? null })}
        options={TIERS.map((v) => ({ value: v, label: tierLabel(v) }))}
      />
      <Select
        id="filter-status"
        allowClear
        style={{ width: 140 }}
        placeholder={t('list.allStatuses')}
        value={params.status ?? undefined}
        onChange={(status) => onChange({ status: status ?? null })}
        options={STATUSES.map((v) => ({ value: v, label: t(`status.${v}`) }))}
      />
      <Select
        id="filter-territory"
        allowClear
        showSearch
        style={{ width: 190 }}
        placeholder={t('list.allTerritories')}
        loading={territories.isLoading}
        value={params.territory ?? undefined}
        onChange={(territory) => onChange({ territory: territory ?? null })}
        options={(territories.data ?? []).map((v) => ({ value: v, label: v }))}
      />
      {filtered ? (
        <Button
          type="link"
          onClick={() => {
            setResetCount((n) => n + 1);
            onReset();
          }}
        >
          {t('list.clearFilters')}
        </Button>
      ) : null}
    </Flex>
  );
}
