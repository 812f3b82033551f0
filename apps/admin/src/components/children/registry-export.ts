import { downloadBlob, exportFileName } from '../../export/xlsx-export';
import { apiClient, buildQueryString, problemToError, type QueryValue } from '../../providers/api-client';
import { tokenStore } from '../../providers/token-store';

/**
 * Downloads the server's export of the registry (`…/children/export.xlsx`, non-identifying columns
 * only) with the current filters. A binary answer, so it is fetched here rather than through the JSON
 * data provider; an expired token is refreshed once, as the client does for every call.
 */
export async function downloadRegistryExport(organizationId: string, query: Record<string, QueryValue>, fileName: string): Promise<void> {
  const url = `${apiClient.url(`organizations/${organizationId}/children/export.xlsx`)}${buildQueryString(query)}`;
  const get = () => {
    const token = tokenStore.getAccessToken();
    return fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  };
  let response = await get();
  if (response.status === 401 && (await apiClient.refresh())) response = await get();
  if (!response.ok) {
    const type = response.headers.get('content-type') ?? '';
    const problem = type.includes('json') ? ((await response.json()) as Record<string, unknown>) : null;
    throw problemToError(response.status, problem, response.statusText || String(response.status));
  }
  downloadBlob(await response.blob(), exportFileName(fileName));
}
