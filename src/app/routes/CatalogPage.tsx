import { CatalogView } from '@/features/catalog/CatalogView';

export function CatalogPage() {
  return <CatalogView />;
}
