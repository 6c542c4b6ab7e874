export { downloadText } from '@/components/download';

export function exportFileName(prefix = 'tarn-catalog'): string {
  return `${prefix}-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.json`;
}
