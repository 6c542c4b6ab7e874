import type { Asset, ParseResult } from '../../model';
import { parseCatalogExport, EXPORT_FORMAT } from '../../export/envelope';
import type { FormatParser } from '../types';

/** Tarn's own export (versioned envelope) read as a metadata format. */
export const tarnExportParser: FormatParser = {
  id: 'tarn-catalog',
  label: 'Tarn catalog export',
  sniff: (_file, head) =>
    head.startsWith('{') && head.includes(`"${EXPORT_FORMAT}"`) && /"format"\s*:\s*"tarn-catalog"/.test(head)
      ? 1
      : 0,
  parse: (file): ParseResult => {
    const res = parseCatalogExport(file.text);
    if (!res.ok) return { format: 'tarn-catalog', assets: [], relations: [], issues: res.issues };
    const assets: Asset[] = res.value.assets
      .filter((a) => !a.placeholder)
      .map((a) => {
        const { key: _k, createdAt: _c, updatedAt: _u, contributions: _co, fieldSources: _f, ...rest } = a;
        return rest;
      });
    const relations = res.value.relations.map((r) => ({
      child: r.child,
      type: r.type,
      parent: r.parent,
      origin: r.origin,
      ...(r.evidence !== undefined ? { evidence: r.evidence } : {}),
    }));
    return { format: 'tarn-catalog', assets, relations, issues: res.issues };
  },
};
