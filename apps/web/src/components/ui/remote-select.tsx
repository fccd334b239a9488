/**
 * A searchable select whose options come from a paginated list endpoint (`?q=`), so it scales to
 * thousands of units or users. Values are sent back exactly as the server gave them.
 */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Query } from '../../lib/api/client.ts';
import type { Id, Page } from '../../lib/api/types.ts';

export interface RemoteSelectProps<T> {
  label: string;
  path: string;
  /** Extra filters sent with every search (e.g. `instansiId`). */
  query?: Query;
  value: Id | null;
  /** Label of the current value when it is not among the search results. */
  valueLabel?: string | null;
  onChange: (id: Id | null, item: T | null) => void;
  toLabel: (item: T) => string;
  getId?: (item: T) => Id;
  error?: string;
  required?: boolean;
  clearable?: boolean;
  disabled?: boolean;
  placeholder?: string;
  description?: string;
  testId?: string;
}

export function RemoteSelect<T extends { id: Id }>(props: RemoteSelectProps<T>) {
  const { t } = useTranslation();
  const getId = props.getId ?? ((item: T) => item.id);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [picked, setPicked] = useState<{ id: string; label: string; item: T } | null>(null);
  const current = props.value == null ? null : String(props.value);
  // Mantine copies the chosen option's label into the search box; that text is not a query.
  const selectedLabel = current && picked?.id === current ? picked.label : (props.valueLabel ?? null);
  const q = debounced && debounced === selectedLabel ? '' : debounced;

  const list = useQuery({
    queryKey: ['select', props.path, props.query ?? {}, q],
    queryFn: ({ signal }) => api.get<Page<T>>(props.path, { ...props.query, q, pageSize: 20 }, signal),
    enabled: !props.disabled,
    staleTime: 30_000,
  });

  const byValue = useMemo(() => {
    const map = new Map<string, { label: string; item: T }>();
    for (const item of list.data?.items ?? []) map.set(String(getId(item)), { label: props.toLabel(item), item });
    return map;
  }, [list.data, getId, props.toLabel]);

  const data = [...byValue.entries()].map(([value, { label }]) => ({ value, label }));
  if (current && !byValue.has(current)) {
    const label = picked?.id === current ? picked.label : (props.valueLabel ?? current);
    data.unshift({ value: current, label });
  }

  return (
    <Select
      label={props.label}
      placeholder={props.placeholder ?? t('common.searchPlaceholder')}
      description={props.description}
      data={data}
      value={current}
      searchable
      clearable={props.clearable}
      required={props.required}
      disabled={props.disabled}
      error={props.error}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={list.isFetching ? t('common.loading') : t('common.noMatches')}
      data-testid={props.testId}
      onChange={(value) => {
        if (value == null) {
          setPicked(null);
          props.onChange(null, null);
          return;
        }
        const hit = byValue.get(value);
        if (hit) {
          setPicked({ id: value, label: hit.label, item: hit.item });
          props.onChange(getId(hit.item), hit.item);
        }
      }}
    />
  );
}
