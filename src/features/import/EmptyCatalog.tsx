import { SUPPORTED_FORMAT_LABELS } from '@/core/labels';
import { startImport, useImportState } from './importStore';
import { filesFromInput } from './readDrop';
import { loadDemoCatalog } from './CatalogActions';

/**
 * What an empty catalog shows: what Tarn does, a drop zone (drops anywhere on the page import; this one can
 * also be clicked to pick files), the formats it reads, and the demo catalog.
 */
export function EmptyCatalog() {
  const state = useImportState();
  return (
    <section className="empty-catalog" aria-labelledby="empty-catalog-title">
      <h2 id="empty-catalog-title">Your model lake is empty</h2>
      <p>
        Tarn reads model and dataset cards and metadata files, keeps every version in this browser, draws
        their lineage and checks their licenses along the whole ancestry. Nothing leaves your browser.
      </p>
      <label className="drop-zone">
        <strong>Drop model cards</strong>, dataset cards, metadata files, folders or .zip archives here
        <span className="button-like">Choose files…</span>
        <input
          type="file"
          multiple
          className="visually-hidden"
          aria-label="Choose files to add"
          disabled={state.running}
          onChange={(e) => {
            const files = filesFromInput(e.currentTarget.files);
            e.currentTarget.value = '';
            void startImport(files);
          }}
        />
      </label>
      <p className="small">Supported formats: {SUPPORTED_FORMAT_LABELS.join(', ')}.</p>
      <p>
        <button
          type="button"
          className="primary"
          disabled={state.running}
          onClick={() => void loadDemoCatalog()}
        >
          Load demo catalog
        </button>{' '}
        <span className="muted">about 500 real models and datasets, to look around first</span>
      </p>
    </section>
  );
}
