/**
 * How a subscribed asset's source reads in the catalog (facet "Source", asset page): the published
 * folder's host and path, from the subscription id (the manifest URL).
 */
export function subscriptionLabel(id: string): string {
  try {
    const u = new URL(id);
    const path = u.pathname.replace(/\/tarn-catalog\.json$/u, '').replace(/\/$/u, '');
    return `${u.host}${path}`;
  } catch {
    return id;
  }
}
