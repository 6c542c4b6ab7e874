import type { LineageDepth } from '@/core/lineage';
import { parseDepth } from './viewModel';

const OPTIONS: readonly LineageDepth[] = [1, 2, 3, 'all'];

export function DepthSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: LineageDepth;
  onChange: (d: LineageDepth) => void;
}) {
  return (
    <label className="lineage-depth">
      {label}
      <select value={String(value)} onChange={(e) => onChange(parseDepth(e.currentTarget.value, value))}>
        {OPTIONS.map((o) => (
          <option key={String(o)} value={String(o)}>
            {o === 'all' ? 'all' : String(o)}
          </option>
        ))}
      </select>
    </label>
  );
}
