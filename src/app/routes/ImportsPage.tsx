import { ImportHistory } from '@/features/import/ImportHistory';

export function ImportsPage() {
  return <ImportHistory />;
}
