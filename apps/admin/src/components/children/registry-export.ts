import { downloadBlob, exportFileName } from '../../export/xlsx-export';
import { apiClient, buildQueryString, problemToError, type QueryValue } from '../../providers/api-client';
import { tokenStore } from '../../providers/token-store';

/**
 * The registry's spreadsheet downloads. The one documented exception to "screens call the API through
 * the endpoint table": the answers are binary files (xlsx), not JSON, so they are fetched here rather
 * than through the JSON data provider; an expired token is refreshed once, as the client does for every call.
 */
async function downloadXlsx(path: string, query: Record<string, QueryValue>, fileName: string): Promise<void> {
  const url = `${apiClient.url(path)}${buildQueryString(query)}`;
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

/** `…/children/export.xlsx` (non-identifying columns only) with the current filters. */
export function downloadRegistryExport(organizationId: string, query: Record<string, QueryValue>, fileName: string): Promise<void> {
  return downloadXlsx(`organizations/${organizationId}/children/export.xlsx`, query, fileName);
}

/** `…/children/submission.xlsx?year=`: the civil-affairs annual submission, identity fields included (owners and coordinators; audited). */
export function downloadSubmission(organizationId: string, year: number, fileName: string): Promise<void> {
  return downloadXlsx(`organizations/${organizationId}/children/submission.xlsx`, { year }, fileName);
}
