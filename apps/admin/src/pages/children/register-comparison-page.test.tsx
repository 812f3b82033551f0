import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { liveConnection } from '../../providers/live-provider';
import { json, stubMatchMedia } from '../../providers/test-support';
import { ORG_ID, pathOf, renderRegistry, signInAt, SLOW } from './children-test-support';

beforeAll(() => stubMatchMedia(1280));

afterEach(() => {
  cleanup();
  liveConnection.stop();
  window.localStorage.clear();
  vi.unstubAllGlobals();
});

describe('government register comparison', { timeout: 90_000 }, () => {
  it('should upload the register as multipart and list the disagreements by alias', async () => {
    const { calls } = signInAt('/children/register-comparison', 'owner', (call) => {
      if (pathOf(call) === `/api/v1/organizations/${ORG_ID}/children/register-comparisons`) {
        return json(200, {
          rows: 3,
          matched: 1,
          disagreements: [
            { row: 2, childId: 'c1', alias: '小星星', registerKind: '事实无人抚养', finding: 'category_missing' },
            { row: 3, childId: null, alias: null, registerKind: '留守儿童', finding: 'not_in_registry' },
          ],
        });
      }
      return undefined;
    });
    const fetchMock = globalThis.fetch as unknown as { mock: { calls: Array<[unknown, RequestInit | undefined]> } };
    renderRegistry();

    await screen.findByTestId('register-upload', undefined, SLOW);
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File(['xlsx'], '台账.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });

    const result = await screen.findByTestId('register-result', undefined, SLOW);
    expect(within(result).getByText('共 3 行，1 行一致，2 处不一致')).toBeTruthy();
    expect(within(result).getByRole('link', { name: '小星星' }).getAttribute('href')).toBe('/children/c1');
    expect(within(result).getByText('档案缺少此类别')).toBeTruthy();
    expect(within(result).getByText('档案中没有此儿童')).toBeTruthy();
    const post = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/register-comparisons'));
    const sent = post?.[1]?.body;
    expect(sent).toBeInstanceOf(FormData);
    expect((sent as FormData).get('file')).toBeTruthy();
    expect(calls.find((c) => pathOf(c).endsWith('/register-comparisons'))?.method).toBe('POST');
  });
});
