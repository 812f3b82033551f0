import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { liveConnection } from '../../providers/live-provider';
import { json, problem, stubMatchMedia } from '../../providers/test-support';
import { concernView, pathOf, renderConcerns, signInAt, SLOW } from './concerns-test-support';
import { reportDecisionBody } from './concern-decision-form';

beforeAll(() => stubMatchMedia(1280));

afterEach(() => {
  cleanup();
  liveConnection.stop();
  window.localStorage.clear();
  vi.unstubAllGlobals();
});

describe('report decision', () => {
  it('should send the authority and reference but no reason when reported', () => {
    expect(reportDecisionBody({ reportedToAuthorities: true, authority: ' 塘渡口派出所 ', reference: '', reason: '无' })).toEqual({
      reportedToAuthorities: true,
      authority: '塘渡口派出所',
    });
  });

  it('should send only the reason when not reported', () => {
    expect(reportDecisionBody({ reportedToAuthorities: false, authority: 'x', reason: ' 家长已带孩子就医 ' })).toEqual({
      reportedToAuthorities: false,
      reason: '家长已带孩子就医',
    });
  });
});

describe('concern page', { timeout: 90_000 }, () => {
  it('should refuse to save a report decision without the authority when reported, and without the reason when not', async () => {
    const { calls } = signInAt('/concerns/k1', 'coordinator', (call) =>
      pathOf(call) === '/api/v1/concerns/k1' ? json(200, concernView()) : undefined,
    );
    renderConcerns();
    const form = await screen.findByTestId('decision-form', undefined, SLOW);

    await act(async () => {
      fireEvent.click(within(form).getByText('已报告'));
    });
    await act(async () => {
      fireEvent.click(within(form).getByText('保存决定'));
    });
    await vi.waitFor(() => expect(within(form).getAllByText('请填写').length).toBe(1), SLOW);
    expect(within(form).getByLabelText('报告机关')).toBeTruthy();

    await act(async () => {
      fireEvent.click(within(form).getByText('未报告'));
    });
    expect(within(form).queryByLabelText('报告机关')).toBeNull();
    await act(async () => {
      fireEvent.click(within(form).getByText('保存决定'));
    });
    await vi.waitFor(() => expect(within(form).getAllByText('请填写').length).toBe(1), SLOW);
    expect(within(form).getByLabelText('未报告的理由')).toBeTruthy();
    expect(calls.some((c) => pathOf(c) === '/api/v1/concerns/k1/report-decision')).toBe(false);

    fireEvent.change(within(form).getByLabelText('未报告的理由'), { target: { value: '经核实为误会' } });
    await act(async () => {
      fireEvent.click(within(form).getByText('保存决定'));
    });
    await vi.waitFor(() => expect(calls.some((c) => pathOf(c) === '/api/v1/concerns/k1/report-decision')).toBe(true), SLOW);
    expect(calls.find((c) => pathOf(c) === '/api/v1/concerns/k1/report-decision')).toMatchObject({
      method: 'POST',
      body: { reportedToAuthorities: false, reason: '经核实为误会' },
    });
  });

  it('should show why closing was refused when the server answers 409 report_decision_required', async () => {
    signInAt('/concerns/k1', 'owner', (call) => {
      const path = pathOf(call);
      if (path === '/api/v1/concerns/k1') return json(200, concernView({ status: 'acknowledged' }));
      if (path === '/api/v1/concerns/k1/close') {
        return problem(409, 'report_decision_required', 'A statutory concern needs the report decision before it can close');
      }
      return undefined;
    });
    renderConcerns();
    await act(async () => {
      fireEvent.click(await screen.findByTestId('open-close', undefined, SLOW));
    });
    const dialog = await screen.findByRole('dialog', undefined, SLOW);
    fireEvent.change(within(dialog).getByLabelText('处理结果'), { target: { value: '已与监护人沟通' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: /^结\s?案$/ }));
    });

    const refusal = await within(dialog).findByTestId('close-error', undefined, SLOW);
    expect(refusal.textContent).toBe('结案前须记录是否已向公安机关报告（报告对象及回执号，或不报告的理由）');
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('should show the reporter the status only when the server answers a status view', async () => {
    signInAt('/concerns/k1', null, (call) =>
      pathOf(call) === '/api/v1/concerns/k1'
        ? json(200, {
            id: 'k1',
            organizationId: 'ngo-1',
            category: 'neglect',
            status: 'acknowledged',
            createdAt: '2026-12-02T10:00:00.000Z',
            acknowledgedAt: '2026-12-02T10:30:00.000Z',
            closedAt: null,
          })
        : undefined,
    );
    renderConcerns();
    expect(await screen.findByText('你是报告人：这里只显示处理进度。', undefined, SLOW)).toBeTruthy();
    expect(screen.getByText('处理中')).toBeTruthy();
    expect(screen.queryByTestId('decision-form')).toBeNull();
    expect(screen.queryByTestId('acknowledge')).toBeNull();
  });
});
