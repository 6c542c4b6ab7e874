/** File names of exports: a prefix from a name (`tarn-q3-release`) and a sortable UTC time stamp. */

/** A file-name-safe prefix from a human name (a collection's): `tarn-` and at most 40 of [a-z0-9-]. */
export function exportFilePrefix(name: string): string {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'export';
  return `tarn-${slug}`;
}

/** `2026-12-03-06-30-00` (UTC) for `at`. */
export function exportStamp(at: Date = new Date()): string {
  return at.toISOString().slice(0, 19).replace(/[:T]/g, '-');
}
