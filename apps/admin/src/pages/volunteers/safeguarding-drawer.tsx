import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SAFEGUARDING_AUTHORITIES, SAFEGUARDING_CHECK_KINDS, SAFEGUARDING_OFFENCE_SCOPES, SAFEGUARDING_RESULTS, type SafeguardingAuthority, type SafeguardingCheckKind, type SafeguardingOffenceScope, type SafeguardingResult } from '@kindred/contracts';
import { useApiAction } from '../../api/use-api-action';
import { useEndpoint, useEndpointMutation } from '../../api/use-endpoint';
import { ErrorState } from '../../components/list-states';
import { SafeguardingTag } from '../../components/status-tags';
import { formatDate } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { applyProblemToForm, problemMessage } from '../../i18n/problem-messages';

interface CheckFormValues {
  kind: SafeguardingCheckKind;
  result: SafeguardingResult;
  issuingAuthority: SafeguardingAuthority;
  offenceScope: SafeguardingOffenceScope[];
  checkedAt: Dayjs;
  expiresAt: Dayjs;
  reference?: string;
}

export interface SafeguardingDrawerProps {
  volunteer: { userId: string; displayName: string } | null;
  organizationId: string;
  /** Owners and coordinators of a verified NGO may record a check. */
  canRecord: boolean;
  onClose(): void;
}

/**
 * A volunteer's safeguarding standing (coordinators see the standing and its expiry, never what was
 * found) and the form to record an entry inquiry or a no-criminal-record certificate.
 */
export function SafeguardingDrawer({ volunteer, organizationId, canRecord, onClose }: SafeguardingDrawerProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [form] = Form.useForm<CheckFormValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const { run, pending } = useApiAction();
  const call = useEndpointMutation();
  const standing = useEndpoint('volunteerSafeguarding', volunteer ? { params: { userId: volunteer.userId } } : null);

  const onFinish = async (values: CheckFormValues) => {
    if (!volunteer) return;
    setFailure(null);
    const saved = await run(
      'record',
      () =>
        call('recordSafeguardingCheck', {
          params: { userId: volunteer.userId },
          body: {
            kind: values.kind,
            result: values.result,
            issuingAuthority: values.issuingAuthority,
            offenceScope: values.offenceScope,
            checkedAt: values.checkedAt.startOf('day').toISOString(),
            expiresAt: values.expiresAt.endOf('day').toISOString(),
            reference: values.reference?.trim() || undefined,
            organizationId,
          },
        }),
      {
        success: t('safeguarding.recorded'),
        onError: (error) => {
          if (!applyProblemToForm(form, error)) setFailure(problemMessage(error));
          return true;
        },
      },
    );
    if (saved) {
      form.resetFields();
      void standing.refetch();
    }
  };

  return (
    <Drawer
      open={volunteer !== null}
      onClose={onClose}
      title={t('safeguarding.title', { name: volunteer?.displayName ?? '' })}
      width={520}
      destroyOnHidden
    >
      {standing.isError ? (
        <ErrorState error={standing.error} onRetry={() => void standing.refetch()} />
      ) : !standing.data ? (
        <Skeleton active />
      ) : (
        <Descriptions column={1} data-testid="safeguarding-standing">
          <Descriptions.Item label={t('safeguarding.status')}>
            <SafeguardingTag status={standing.data.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('safeguarding.validUntil')}>{formatDate(standing.data.validUntil, locale)}</Descriptions.Item>
        </Descriptions>
      )}
      {standing.data && (
        <Alert
          type={standing.data.status === 'valid' ? 'success' : 'warning'}
          showIcon
          message={t(`safeguarding.hints.${standing.data.status}`)}
          style={{ marginBottom: 16 }}
        />
      )}
      {(standing.data?.checks ?? []).length > 0 && (
        <>
          <Divider orientation="left" plain>
            {t('safeguarding.checks')}
          </Divider>
          {standing.data?.checks?.map((check) => (
            <Typography.Paragraph key={check.id}>
              {t(`safeguardingKinds.${check.kind}`)} · {t(`safeguardingResults.${check.result}`)} · {formatDate(check.checkedAt, locale)} →{' '}
              {formatDate(check.expiresAt, locale)}
              {check.liftedAt && ` · ${t('safeguarding.liftedOn', { date: formatDate(check.liftedAt, locale) })}`}
            </Typography.Paragraph>
          ))}
        </>
      )}
      {canRecord && (
        <>
          <Divider orientation="left" plain>
            {t('safeguarding.recordTitle')}
          </Divider>
          {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
          <Form<CheckFormValues>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(v) => void onFinish(v)}
            initialValues={{
              kind: 'entry_inquiry',
              result: 'clear',
              issuingAuthority: 'public_security',
              offenceScope: [...SAFEGUARDING_OFFENCE_SCOPES],
              checkedAt: dayjs(),
              expiresAt: dayjs().add(1, 'year'),
            }}
          >
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item name="kind" label={t('safeguarding.kind')}>
                  <Select options={SAFEGUARDING_CHECK_KINDS.map((k) => ({ value: k, label: t(`safeguardingKinds.${k}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="result" label={t('safeguarding.result')} extra={t('safeguarding.resultHelp')}>
                  <Select options={SAFEGUARDING_RESULTS.map((r) => ({ value: r, label: t(`safeguardingResults.${r}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="issuingAuthority" label={t('safeguarding.authority')}>
                  <Select options={SAFEGUARDING_AUTHORITIES.map((a) => ({ value: a, label: t(`safeguardingAuthorities.${a}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="reference" label={t('safeguarding.reference')}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={12}>
                <Form.Item
                  name="checkedAt"
                  label={t('safeguarding.checkedAt')}
                  rules={[{ required: true, message: t('safeguarding.dateRequired') }]}
                >
                  <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
                </Form.Item>
              </Col>
              <Col xs={12}>
                <Form.Item
                  name="expiresAt"
                  label={t('safeguarding.expiresAt')}
                  rules={[{ required: true, message: t('safeguarding.dateRequired') }]}
                >
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="offenceScope" label={t('safeguarding.scope')}>
              <Checkbox.Group options={SAFEGUARDING_OFFENCE_SCOPES.map((s) => ({ value: s, label: t(`offenceScopes.${s}`) }))} />
            </Form.Item>
            <Flex justify="flex-end">
              <Button type="primary" htmlType="submit" loading={pending === 'record'}>
                {t('safeguarding.submit')}
              </Button>
            </Flex>
          </Form>
        </>
      )}
    </Drawer>
  );
}
