import { Select, type RefSelectProps } from 'antd';
import { useEffect, useState, type CSSProperties, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

import { emptyQuery, useDistributorList } from '../../ipc/queries';

export type DistributorRef = { id: number; code: string; name: string };

type Props = {
  id?: string;
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** A distributor to show before anything is searched (e.g. the one the form starts with). */
  initial?: DistributorRef | null;
  autoFocus?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  selectRef?: Ref<RefSelectProps>;
};

const SEARCH_DELAY_MS = 150;
const MAX_OPTIONS = 20;

/**
 * Picks a distributor by typing its code or name; the list asks the server
 * (distributor_list) as the user types. Options read "code name" and carry the
 * class `distributor-option-<code>`.
 */
export function DistributorSelect({
  id,
  value,
  onChange,
  initial,
  autoFocus,
  allowClear,
  placeholder,
  style,
  selectRef,
}: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  const [picked, setPicked] = useState<DistributorRef | null>(initial ?? null);

  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(search.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search]);

  const list = useDistributorList({ ...emptyQuery, search: debounced, limit: MAX_OPTIONS });
  const rows: DistributorRef[] = (list.data?.rows ?? []).map((d) => ({
    id: d.id,
    code: d.code,
    name: d.name,
  }));
  // Until the answer for the text typed so far arrives, the previous rows are narrowed here,
  // so Enter right after typing a code never picks a distributor that does not match.
  const typed = search.trim().toLowerCase();
  const stale = search.trim() !== debounced || list.isPlaceholderData;
  const found =
    stale && typed
      ? rows.filter((d) => d.code.toLowerCase().includes(typed) || d.name.toLowerCase().includes(typed))
      : rows;
  // The chosen distributor keeps its label while another search is shown.
  const shown =
    picked && picked.id === value && !found.some((d) => d.id === picked.id) ? [picked, ...found] : found;

  return (
    <Select<number>
      id={id}
      ref={selectRef}
      value={value ?? undefined}
      autoFocus={autoFocus}
      allowClear={allowClear}
      virtual={false}
      style={style}
      placeholder={placeholder ?? t('intake.distributorPlaceholder')}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? null : t('intake.noDistributor')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onChange={(v) => {
        const d = shown.find((x) => x.id === v) ?? null;
        setPicked(d);
        setSearch('');
        onChange?.(v ?? null);
      }}
      options={shown.map((d) => ({
        value: d.id,
        label: `${d.code} ${d.name}`,
        className: `distributor-option distributor-option-${d.code}`,
      }))}
    />
  );
}
