import type { LicenseVerdict } from '@/core/licenses';
import { verdictLabel } from '@/core/labels';
import { explainVerdict } from './explain';

/** A coloured verdict chip (ok / warning / review / conflict). */
export function VerdictBadge({ verdict, label }: { verdict: LicenseVerdict; label?: string }) {
  return (
    <span className={`verdict verdict-${verdict}`} data-verdict={verdict} title={explainVerdict(verdict)}>
      {label ?? verdictLabel(verdict)}
    </span>
  );
}
