import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Popconfirm,
  Radio,
  Row,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CONSENT_METHODS, CONSENT_SCOPES, type ConsentMethod, type ConsentScope } from '@kindred/contracts';
import { useEndpoint, useEndpointMutation } from '../../api/use-endpoint';
import { ErrorState } from '../../components/list-states';
import { formatDate } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { applyProblemToForm, problemMessage } from '../../i18n/problem-messages';

interface ConsentValues {
  givenBy: string;
  relation: string;
  method: ConsentMethod;
  scopes: ConsentScope[];
  givenAt: Dayjs;
  expiresAt?: Dayjs | null;
}

/** The guardian's consent: what it covers, and the capture form (`PUT`) or withdrawal (`DELETE`). */
export function ConsentCard({ childId, canWrite, onChanged }: { childId: string; canWrite: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message, notification } = App.useApp();
  const consent = useEndpoint('childConsent', { params: { childId } });
  const call = useEndpointMutation();
  const [pending, setPending] = useState(false);
  const [capturing, setCapturing] = useState(false);
  const [form] = Form.useForm<ConsentValues>();
  const current = consent.data ?? null;

  const refresh = () => {
    void consent.refetch();
    onChanged();
  };

  const capture = async (values: ConsentValues) => {
    setPending(true);
    try {
      await call('putChildConsent', {
        params: { childId },
        body: {
          givenBy: values.givenBy.trim(),
          relation: values.relation.trim(),
          method: values.method,
          scopes: values.scopes,
          givenAt: values.givenAt.format('YYYY-MM-DD'),
          ...(values.expiresAt ? { expiresAt: values.expiresAt.format('YYYY-MM-DD') } : {}),
        },
      });
      void message.success(t('children.consent.saved'));
      setCapturing(false);
      form.resetFields();
      refresh();
    } catch (error) {
      if (!applyProblemToForm(form, error)) notification.error({ message: t('actions.failed'), description: problemMessage(error) });
    } finally {
      setPending(false);
    }
  };

  const withdraw = async () => {
    setPending(true);
    try {
      await call('withdrawChildConsent', { params: { childId } });
      void message.success(t('children.consent.withdrawn'));
      refresh();
    } catch (error) {
      notification.error({ message: t('actions.failed'), description: problemMessage(error) });
    } finally {
      setPending(false);
    }
  };

  return (
    <Card
      title={t('children.consent.title')}
      data-testid="consent-card"
      extra={
        canWrite &&
        !capturing && (
          <Flex gap={8}>
            {current?.current && (
              <Popconfirm
                title={t('children.consent.withdraw')}
                description={t('children.consent.withdrawConfirm')}
                okText={t('children.consent.withdraw')}
                okButtonProps={{ danger: true }}
                cancelText={t('buttons.cancel')}
                onConfirm={() => void withdraw()}
              >
                <Button size="small" danger>
                  {t('children.consent.withdraw')}
                </Button>
              </Popconfirm>
            )}
            <Button size="small" type="primary" onClick={() => setCapturing(true)} data-testid="capture-consent">
              {current ? t('children.consent.renew') : t('children.consent.capture')}
            </Button>
          </Flex>
        )
      }
    >
      {consent.isError ? (
        <ErrorState error={consent.error} onRetry={() => void consent.refetch()} />
      ) : current ? (
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('children.consent.givenBy')}>
            {current.givenBy} ({current.relation})
          </Descriptions.Item>
          <Descriptions.Item label={t('children.consent.method')}>{t(`children.consentMethods.${current.method}`)}</Descriptions.Item>
          <Descriptions.Item label={t('children.consent.scopes')} span={2}>
            <Flex gap={4} wrap>
              {current.scopes.map((s) => (
                <Tag key={s}>{t(`children.consentScopes.${s}`)}</Tag>
              ))}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('children.consent.givenAt')}>{formatDate(current.givenAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('children.consent.expiresAt')}>{formatDate(current.expiresAt, locale)}</Descriptions.Item>
          {current.withdrawnAt && (
            <Descriptions.Item label={t('children.consent.withdrawnAt')}>{formatDate(current.withdrawnAt, locale)}</Descriptions.Item>
          )}
          <Descriptions.Item>
            <Tag color={current.current ? 'green' : 'red'}>
              {current.current ? t('children.consent.current') : t('children.consent.notCurrent')}
            </Tag>
          </Descriptions.Item>
        </Descriptions>
      ) : (
        !consent.isLoading && <Typography.Text type="secondary">{t('children.consent.none')}</Typography.Text>
      )}
      {capturing && (
        <Form<ConsentValues>
          form={form}
          layout="vertical"
          style={{ marginTop: 16 }}
          initialValues={{ method: 'paper', scopes: ['service_delivery'], givenAt: dayjs() }}
          onFinish={(v) => void capture(v)}
          data-testid="consent-form"
        >
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="givenBy"
                label={t('children.consent.givenBy')}
                rules={[{ required: true, whitespace: true, message: t('children.required') }]}
              >
                <Input maxLength={50} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="relation"
                label={t('children.consent.relation')}
                rules={[{ required: true, whitespace: true, message: t('children.required') }]}
              >
                <Input maxLength={20} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="method" label={t('children.consent.method')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={CONSENT_METHODS.map((m) => ({ value: m, label: t(`children.consentMethods.${m}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="scopes"
            label={t('children.consent.scopes')}
            rules={[{ required: true, type: 'array', min: 1, message: t('children.consent.scopesRequired') }]}
          >
            <Checkbox.Group options={CONSENT_SCOPES.map((s) => ({ value: s, label: t(`children.consentScopes.${s}`) }))} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="givenAt" label={t('children.consent.givenAt')} rules={[{ required: true, message: t('children.required') }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="expiresAt" label={t('children.consent.expiresAt')}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => !d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={8} justify="flex-end">
            <Button onClick={() => setCapturing(false)}>{t('buttons.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={pending} data-testid="consent-submit">
              {t('buttons.save')}
            </Button>
          </Flex>
        </Form>
      )}
    </Card>
  );
}
