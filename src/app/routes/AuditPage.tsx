import { AuditLog } from '@/features/curation/AuditLog';

export function AuditPage() {
  return <AuditLog />;
}
