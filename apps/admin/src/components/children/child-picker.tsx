import { useState } from 'react';
import { useList } from '@refinedev/core';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChildListRow } from '@kindred/contracts';

export interface ChildPickerProps {
  organizationId: string;
  value?: string | string[];
  /** Also hands over the aliases of the children offered, so a screen can name the chosen ones. */
  onChange?: (value: string | string[] | undefined, aliases: Record<string, string>) => void;
  multiple?: boolean;
  placeholder?: string;
  /** Children not to offer (e.g. already linked). */
  exclude?: readonly string[];
  id?: string;
  'aria-label'?: string;
}

/** Active children of an NGO, searched on the server, shown as alias · age band (never a legal name). */
export function ChildPicker({ organizationId, value, onChange, multiple, placeholder, exclude, id, ...rest }: ChildPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { result, query } = useList<ChildListRow>({
    resource: 'children',
    meta: { path: `organizations/${organizationId}/children` },
    filters: [
      { field: 'status', operator: 'eq', value: 'active' },
      { field: 'q', operator: 'eq', value: search.trim() || undefined },
    ],
    pagination: { pageSize: 20 },
    sorters: [],
  });
  const hidden = new Set(exclude ?? []);
  const offered = (result.data ?? []).filter((child) => !hidden.has(child.id));
  const options = offered.map((child) => ({ value: child.id, label: `${child.alias} · ${t(`children.ageBands.${child.ageBand}`)}` }));

  return (
    <Select<string | string[]>
      id={id}
      aria-label={rest['aria-label']}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      showSearch
      filterOption={false}
      onSearch={setSearch}
      loading={query.isFetching}
      placeholder={placeholder}
      value={value}
      onChange={(next) => onChange?.(next, Object.fromEntries(offered.map((child) => [child.id, child.alias])))}
      options={options}
      style={{ width: '100%' }}
      data-testid="child-picker"
    />
  );
}
