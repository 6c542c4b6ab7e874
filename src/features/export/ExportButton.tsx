import { useState } from 'react';
import { readExport } from '@/db';
import { downloadText, exportFileName } from './downloadJson';

/** "Export JSON": downloads the whole catalog as a versioned envelope. */
export function ExportButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void readExport({ scope: { kind: 'catalog', description: 'Whole catalog' } })
          .then((env) => downloadText(JSON.stringify(env, null, 1), exportFileName()))
          .finally(() => setBusy(false));
      }}
    >
      Export JSON
    </button>
  );
}
