import { useParams } from 'react-router';
import { AssetView } from '@/features/asset/AssetView';

export function AssetPage() {
  const { id = '' } = useParams();
  return (
    <div className="asset-page">
      <AssetView id={id} />
    </div>
  );
}
