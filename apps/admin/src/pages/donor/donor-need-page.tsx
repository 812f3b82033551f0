import { useRef, useState } from 'react';
import { useOne } from '@refinedev/core';
import { GiftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Progress, Radio, Select, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { NeedView, PledgeKind } from '@kindred/contracts';
import { useApiAction } from '../../api/use-api-action';
import { useEndpoint, useEndpointMutation } from '../../api/use-endpoint';
import { ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { PortalColumn } from '../../components/portal-column';
import { NeedTypeTag } from '../../components/status-tags';
import { formatMoney } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { applyProblemToForm, problemMessage } from '../../i18n/problem-messages';
import { newIdempotencyKey } from '../../lib/idempotency';
import { yuanToFen } from '../../lib/money';
import { linesToSend } from '../../lib/pledge-math';
import { useSession } from '../../session/use-session';

interface PledgeValues {
  kind: PledgeKind;
  amountYuan?: string;
  quantities?: Record<string, number | null>;
  onBehalfOf?: string;
  note?: string;
}

export function DonorNeedPage() {
  const { id = '' } = useParams<{ id: string }>();
  return <DonorNeed key={id} id={id} />;
}

/** A need from the donor's side, with what is still missing, and the pledge form (money in yuan, or goods lines). */
function DonorNeed({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const { memberships } = useSession();
  const [form] = Form.useForm<PledgeValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const { run, pending } = useApiAction();
  const call = useEndpointMutation();
  const submitting = useRef(false);
  const { result: need, query } = useOne<NeedView>({ resource: 'needs', id });
  const coverage = useEndpoint('needCoverage', id ? { params: { needId: id } } : null, { live: ['pledges', 'needs'] });
  const kind = Form.useWatch('kind', form);
  const companies = memberships.filter((m) => m.organizationKind === 'company' && (m.role === 'owner' || m.role === 'csr_manager'));

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!need) return <Skeleton active />;
  const hasGoods = need.items.length > 0;
  const missing = (itemId: string) => {
    const line = coverage.data?.items.find((i) => i.itemId === itemId);
    return line ? Math.max(0, line.needed - line.pledged) : undefined;
  };

  const onFinish = async (values: PledgeValues) => {
    if (submitting.current) return;
    setFailure(null);
    const lines = linesToSend(values.quantities ?? {});
    if (values.kind === 'goods' && lines.length === 0) {
      setFailure(t('donor.pledge.nothing'));
      return;
    }
    const body =
      values.kind === 'money'
        ? { needId: id, kind: 'money', amountFen: yuanToFen(values.amountYuan ?? '') }
        : { needId: id, kind: 'goods', lines };
    submitting.current = true;
    const pledge = await run(
      'pledge',
      () =>
        call('createPledge', {
          // A new key for each submit: a network retry of this one is answered once, a new pledge is a new submit.
          idempotencyKey: newIdempotencyKey(),
          body: {
            ...body,
            ...(values.onBehalfOf ? { onBehalfOf: values.onBehalfOf } : {}),
            ...(values.note?.trim() ? { note: values.note.trim() } : {}),
          },
        }),
      {
        success: t('donor.pledge.done'),
        onError: (error) => {
          if (!applyProblemToForm(form, error)) setFailure(problemMessage(error));
          return true;
        },
      },
    );
    submitting.current = false;
    if (pledge) void navigate(`/donor/pledges/${pledge.id}`);
  };

  return (
    <PortalColumn testId="donor-need">
      <PageHeader
        title={need.title}
        subtitle={
          <Space size={4} wrap>
            <NeedTypeTag type={need.type} />
            {need.organizationName && <Typography.Text type="secondary">{need.organizationName}</Typography.Text>}
          </Space>
        }
      />
      <Card size="small">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>{need.description}</Typography.Paragraph>
        {need.place && <Typography.Text type="secondary">{need.place}</Typography.Text>}
      </Card>
      {coverage.data && (coverage.data.items.length > 0 || coverage.data.money.targetFen !== null) && (
        <Card size="small" title={t('needs.coverage.title')}>
          {coverage.data.money.targetFen !== null && (
            <Flex vertical style={{ marginBottom: 8 }}>
              <Typography.Text>
                {t('donor.pledge.moneyCoverage', {
                  pledged: formatMoney(coverage.data.money.pledgedFen, locale),
                  target: formatMoney(coverage.data.money.targetFen, locale),
                })}
              </Typography.Text>
              <Progress percent={Math.min(100, Math.round(coverage.data.money.pledgedPercent ?? 0))} size="small" />
            </Flex>
          )}
          {coverage.data.items.map((item) => (
            <Flex key={item.itemId} vertical>
              <Typography.Text>
                {t('donor.pledge.itemCoverage', { name: item.name, pledged: item.pledged, needed: item.needed, unit: item.unit })}
              </Typography.Text>
              <Progress percent={Math.min(100, Math.round(item.pledgedPercent ?? 0))} size="small" />
            </Flex>
          ))}
        </Card>
      )}
      <Card size="small" title={t('donor.pledge.title')}>
        {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="pledge-error" />}
        <Form<PledgeValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => void onFinish(v)}
          initialValues={{ kind: hasGoods ? 'goods' : 'money' }}
          data-testid="pledge-form"
        >
          <Form.Item name="kind" label={t('donor.pledge.kind')}>
            <Radio.Group optionType="button" buttonStyle="solid">
              <Radio value="goods" disabled={!hasGoods}>
                {t('pledgeKinds.goods')}
              </Radio>
              <Radio value="money">{t('pledgeKinds.money')}</Radio>
            </Radio.Group>
          </Form.Item>
          {!hasGoods && <Typography.Paragraph type="secondary">{t('donor.pledge.noGoods')}</Typography.Paragraph>}
          {(kind ?? (hasGoods ? 'goods' : 'money')) === 'money' ? (
            <Form.Item
              name="amountYuan"
              label={t('donor.pledge.amount')}
              extra={t('donor.pledge.amountHelp')}
              rules={[
                { required: true, message: t('money.required') },
                {
                  validator: (_r, value: string | undefined) => {
                    const fen = yuanToFen(value ?? '');
                    return fen !== null && fen > 0 ? Promise.resolve() : Promise.reject(new Error(t('money.invalid')));
                  },
                },
              ]}
            >
              <Input prefix="¥" inputMode="decimal" placeholder="100.00" size="large" data-testid="pledge-amount" />
            </Form.Item>
          ) : (
            need.items.map((item) => (
              <Form.Item
                key={item.id}
                name={['quantities', item.id]}
                label={item.name}
                extra={
                  missing(item.id) !== undefined
                    ? t('donor.pledge.stillMissing', { quantity: missing(item.id), unit: item.unit })
                    : undefined
                }
              >
                <InputNumber
                  min={0}
                  max={item.quantity * 10}
                  precision={0}
                  addonAfter={item.unit}
                  style={{ width: '100%' }}
                  aria-label={item.name}
                  data-testid={`pledge-quantity-${item.id}`}
                />
              </Form.Item>
            ))
          )}
          {companies.length > 0 && (
            <Form.Item name="onBehalfOf" label={t('donor.pledge.onBehalfOf')} extra={t('donor.pledge.onBehalfOfHelp')}>
              <Select
                allowClear
                placeholder={t('donor.pledge.personal')}
                options={companies.map((c) => ({ value: c.organizationId, label: c.organizationName }))}
              />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('donor.pledge.note')}>
            <Input.TextArea rows={2} maxLength={500} placeholder={t('donor.pledge.notePlaceholder')} />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            icon={<GiftOutlined />}
            loading={pending === 'pledge'}
            data-testid="submit-pledge"
          >
            {t('donor.pledge.submit')}
          </Button>
        </Form>
      </Card>
    </PortalColumn>
  );
}
