import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { liveConnection } from '../../providers/live-provider';
import { json, problem, stubMatchMedia } from '../../providers/test-support';
import { childView, ORG_ID, pathOf, renderRegistry, signInAt, SLOW } from './children-test-support';

beforeAll(() => stubMatchMedia(1280));

afterEach(() => {
  cleanup();
  liveConnection.stop();
  window.localStorage.clear();
  vi.unstubAllGlobals();
});

const CREATE = `/api/v1/organizations/${ORG_ID}/children`;
const ORGANIZATION = {
  id: ORG_ID,
  kind: 'ngo',
  name: '隆回县关爱中心',
  regionCode: '430524',
  verified: true,
  status: 'verified',
  createdAt: '2025-01-01T00:00:00Z',
};

function answers(onCreate: () => Response) {
  return (call: { url: string; method: string }) => {
    const path = pathOf(call as never);
    if (path === `/api/v1/organizations/${ORG_ID}`) return json(200, ORGANIZATION);
    if (path === CREATE && call.method === 'GET') return json(200, { data: [], nextCursor: null, total: 0 });
    if (path === CREATE && call.method === 'POST') return onCreate();
    if (path === '/api/v1/children/c9') return json(200, childView({ id: 'c9', alias: '小溪流' }));
    if (path === '/api/v1/children/c9/consent') return json(200, null);
    if (path === '/api/v1/children/c9/timeline') return json(200, []);
    return undefined;
  };
}

// antd names each input after its field; finding by id keeps jsdom from computing the accessibility tree.
const FIELDS: Record<string, string> = {
  姓名: 'legalName',
  身份证号: 'idNumber',
  地区代码: 'regionCode',
  住址: 'address',
  监护人姓名: 'guardians_0_name',
  关系: 'guardians_0_relation',
  电话: 'guardians_0_phone',
};
const field = (label: string) => document.getElementById(FIELDS[label]!) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });

async function submit() {
  await act(async () => {
    fireEvent.submit(screen.getByTestId('child-register-form'));
  });
}

describe('child registration', { timeout: 90_000 }, () => {
  it('should point out a wrong ID check digit and send nothing', async () => {
    const { calls } = signInAt(
      '/children/new',
      'coordinator',
      answers(() => json(201, childView())),
    );
    renderRegistry();
    await screen.findByTestId('child-register-form', undefined, SLOW);

    type('姓名', '王小红');
    type('身份证号', '430524201503150017');

    expect((await screen.findByTestId('id-number-hint')).textContent).toBe('校验码不对: 按前 17 位算应为 9');
    await submit();
    await screen.findAllByText('校验码不对: 按前 17 位算应为 9');
    expect(calls.some((c) => pathOf(c) === CREATE && c.method === 'POST')).toBe(false);
  });

  it('should fill the birth date and gender from a valid ID number and send the contract body', async () => {
    const { calls } = signInAt(
      '/children/new',
      'coordinator',
      answers(() => json(201, childView({ id: 'c9', alias: '小溪流' }))),
    );
    renderRegistry();
    await screen.findByTestId('child-register-form', undefined, SLOW);
    type('地区代码', '430524');
    type('姓名', ' 王小红 ');
    type('身份证号', '430524201503150019');
    expect((await screen.findByTestId('id-number-hint')).textContent).toBe('校验码正确');
    type('住址', '荷香桥镇 3 组');
    await act(async () => {
      fireEvent.click(within(screen.getByTestId('category-group-left_behind')).getByLabelText('隔代留守'));
      fireEvent.click(within(screen.getByTestId('category-group-in_difficulty')).getByLabelText('低保'));
    });
    type('监护人姓名', '王奶奶');
    type('关系', '祖母');
    type('电话', '13800138000');
    await submit();

    await vi.waitFor(() => expect(calls.some((c) => pathOf(c) === CREATE && c.method === 'POST')).toBe(true), SLOW);
    expect(calls.find((c) => pathOf(c) === CREATE && c.method === 'POST')?.body).toEqual({
      legalName: '王小红',
      gender: 'male',
      birthDate: '2015-03-15',
      idNumber: '430524201503150019',
      regionCode: '430524',
      address: '荷香桥镇 3 组',
      categories: ['left_behind_grandparent', 'low_income_dibao'],
      guardians: [{ name: '王奶奶', relation: '祖母', phone: '13800138000' }],
      registeredOn: dayjs().format('YYYY-MM-DD'),
    });
    await vi.waitFor(() => expect(window.location.pathname).toBe('/children/c9'), SLOW);
  });

  it('should show the server answer invalid_id_number above the form when the server refuses the number', async () => {
    signInAt(
      '/children/new',
      'coordinator',
      answers(() => problem(422, 'invalid_id_number', 'The ID number fails the GB 11643 check')),
    );
    renderRegistry();
    await screen.findByTestId('child-register-form', undefined, SLOW);
    type('地区代码', '430524');
    type('姓名', '王小红');
    type('身份证号', '430524201503150019');
    await act(async () => {
      fireEvent.click(screen.getByLabelText('孤儿'));
    });
    await submit();

    expect((await screen.findByTestId('register-failure', undefined, SLOW)).textContent).toContain('身份证号码无效');
  });
});
