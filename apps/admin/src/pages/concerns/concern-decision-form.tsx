import { Button, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConcernView } from '@kindred/contracts';
import type { ReportDecisionBody } from '../../api/endpoints';
import { useApiAction } from '../../api/use-api-action';
import { useEndpointMutation } from '../../api/use-endpoint';
import { applyProblemToForm } from '../../i18n/problem-messages';

interface DecisionValues {
  reportedToAuthorities?: boolean;
  authority?: string;
  reference?: string;
  reason?: string;
}

/** As the API: reported → the authority (and optionally a reference); not reported → the reason. */
export function reportDecisionBody(values: DecisionValues): ReportDecisionBody {
  const trimmed = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  if (values.reportedToAuthorities) {
    const body: ReportDecisionBody = { reportedToAuthorities: true, authority: trimmed(values.authority) };
    const reference = trimmed(values.reference);
    if (reference) body.reference = reference;
    return body;
  }
  return { reportedToAuthorities: false, reason: trimmed(values.reason) };
}

/** The police-report decision (R6); its rules mirror `ReportDecisionDto` and the service's checks. */
export function ConcernDecisionForm({ concern, onSaved }: { concern: ConcernView; onSaved(view: ConcernView): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DecisionValues>();
  const call = useEndpointMutation();
  const { run, pending } = useApiAction();
  const reported = Form.useWatch('reportedToAuthorities', form);
  const decision = concern.reportDecision;
  const required = { required: true, whitespace: true, message: t('concerns.raise.required') };

  const submit = async (values: DecisionValues) => {
    const saved = await run(
      'decision',
      () => call('decideConcernReport', { params: { concernId: concern.id }, body: reportDecisionBody(values) }),
      { success: t('concerns.detail.decisionSaved'), onError: (error) => applyProblemToForm(form, error) },
    );
    if (saved) onSaved(saved);
  };

  return (
    <Form<DecisionValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      data-testid="decision-form"
      initialValues={
        decision
          ? {
              reportedToAuthorities: decision.reportedToAuthorities,
              authority: decision.authority ?? undefined,
              reference: decision.reference ?? undefined,
              reason: decision.reason ?? undefined,
            }
          : undefined
      }
      onFinish={(values) => void submit(values)}
    >
      <Form.Item
        name="reportedToAuthorities"
        label={t('concerns.detail.reportedToAuthorities')}
        rules={[{ required: true, message: t('concerns.raise.required') }]}
      >
        <Radio.Group
          optionType="button"
          options={[
            { value: true, label: t('concerns.detail.reported') },
            { value: false, label: t('concerns.detail.notReported') },
          ]}
        />
      </Form.Item>
      {reported === true && (
        <>
          <Form.Item name="authority" label={t('concerns.detail.authority')} rules={[required, { max: 200 }]}>
            <Input maxLength={200} placeholder={t('concerns.detail.authorityHint')} />
          </Form.Item>
          <Form.Item name="reference" label={t('concerns.detail.reference')} rules={[{ max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        </>
      )}
      {reported === false && (
        <Form.Item name="reason" label={t('concerns.detail.reason')} rules={[required, { max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={pending === 'decision'}>
        {t('concerns.detail.saveDecision')}
      </Button>
    </Form>
  );
}
