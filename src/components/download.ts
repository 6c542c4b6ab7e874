/** Saves text as a file via a Blob and a temporary <a download>. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

/** Saves a Blob (e.g. one built in parts) as a file via a temporary <a download>. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file-name-safe slug of an asset id (`org/Model-7B` → `org__Model-7B`). */
export function fileSlug(id: string): string {
  return (
    id
      .replace(/\//g, '__')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .slice(0, 120) || 'asset'
  );
}
