/** Facet groups with live counts: one role=group per facet, checkboxes labelled "value (count)". */
import { useState } from 'react';
import { FACETS, type FacetCounts, type FacetId, type FacetSelection } from '@/core/catalog/facets';
import { facetValueLabel } from '@/core/labels';

const TOP_N = 8;
const MORE_N = 200;

export type FacetPanelProps = {
  counts: FacetCounts | undefined;
  selection: FacetSelection;
  onToggle: (facet: FacetId, value: string) => void;
  onClear: () => void;
};

function FacetGroup({
  id,
  label,
  values,
  distinct,
  selected,
  onToggle,
}: {
  id: FacetId;
  label: string;
  values: { value: string; count: number }[];
  distinct: number;
  selected: readonly string[];
  onToggle: (facet: FacetId, value: string) => void;
}) {
  const [filter, setFilter] = useState('');
  const [more, setMore] = useState(false);
  const f = filter.trim().toLowerCase();
  const matching =
    f === ''
      ? values
      : values.filter(
          (v) => v.value.toLowerCase().includes(f) || facetValueLabel(id, v.value).toLowerCase().includes(f),
        );
  const limit = more ? MORE_N : TOP_N;
  const shown = matching.slice(0, limit);
  // Selected values always stay visible.
  for (const v of matching.slice(limit)) if (selected.includes(v.value)) shown.push(v);
  if (values.length === 0) return null;
  return (
    <fieldset role="group" aria-label={label} className="facet">
      <legend>{label}</legend>
      {values.length > TOP_N ? (
        <input
          type="search"
          className="facet-filter"
          aria-label={`Filter ${label}`}
          placeholder={`Filter ${label.toLowerCase()}…`}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
        />
      ) : null}
      {shown.map((v) => {
        const text = facetValueLabel(id, v.value);
        return (
          <label
            key={v.value}
            className={v.count === 0 ? 'muted' : undefined}
            title={text === v.value ? undefined : v.value}
          >
            <input
              type="checkbox"
              checked={selected.includes(v.value)}
              onChange={() => onToggle(id, v.value)}
            />
            {`${text} (${v.count})`}
          </label>
        );
      })}
      {matching.length > TOP_N ? (
        <button type="button" className="link-button" onClick={() => setMore((m) => !m)} aria-expanded={more}>
          {more ? 'less' : `more (${Math.min(distinct, matching.length) - TOP_N})`}
        </button>
      ) : null}
    </fieldset>
  );
}

export function FacetPanel({ counts, selection, onToggle, onClear }: FacetPanelProps) {
  const any = Object.values(selection).some((v) => v && v.length > 0);
  return (
    <div className="facets">
      {any ? (
        <button type="button" className="link-button" onClick={onClear}>
          Clear filters
        </button>
      ) : null}
      {FACETS.map((def) => {
        const c = counts?.[def.id];
        return (
          <FacetGroup
            key={def.id}
            id={def.id}
            label={def.label}
            values={c?.values ?? []}
            distinct={c?.distinct ?? 0}
            selected={selection[def.id] ?? []}
            onToggle={onToggle}
          />
        );
      })}
    </div>
  );
}
