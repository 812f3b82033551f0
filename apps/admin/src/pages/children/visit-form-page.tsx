import { useState } from 'react';
import { useOne } from '@refinedev/core';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Select, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { SERVICE_KINDS, VISIT_KINDS, type ChildView, type ServiceKind } from '@kindred/contracts';
import { useEndpointMutation } from '../../api/use-endpoint';
import { ErrorState } from '../../components/list-states';
import { applyProblemToForm, problemMessage } from '../../i18n/problem-messages';
import { yuanToFen } from '../../lib/money';

interface VisitValues {
  kind: ServiceKind;
  date: Dayjs;
  notes?: string;
  quantity?: number | null;
  amountYuan?: string;
}

const OTHER_KINDS = SERVICE_KINDS.filter((k) => !(VISIT_KINDS as readonly string[]).includes(k));
const COUNTED_KINDS: readonly ServiceKind[] = ['stationery', 'material_aid', 'free_lunch'];
const PAID_KINDS: readonly ServiceKind[] = ['grant', 'cash_aid'];
// Big enough for a thumb on a phone held in one hand.
const TOUCH = { minHeight: 48, fontSize: 16 };

/** The body of `POST /children/{id}/services`. */
export function serviceBody(values: VisitValues) {
  const body: Record<string, unknown> = { kind: values.kind, date: values.date.format('YYYY-MM-DD') };
  if (values.notes?.trim()) body.notes = values.notes.trim();
  if (COUNTED_KINDS.includes(values.kind) && values.quantity) body.quantity = values.quantity;
  if (PAID_KINDS.includes(values.kind) && values.amountYuan?.trim()) body.amountFen = yuanToFen(values.amountYuan);
  return body;
}

export function VisitFormPage() {
  const { id = '' } = useParams<{ id: string }>();
  return <VisitForm key={id} childId={id} />;
}

/**
 * A visit or service, recorded on a phone in a village: one column, large controls, today's date and
 * a home visit already chosen, the visit kinds first.
 */
export function VisitForm({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message, notification } = App.useApp();
  const [form] = Form.useForm<VisitValues>();
  const kind = Form.useWatch('kind', form);
  const { result: child, query } = useOne<ChildView>({ resource: 'children', id: childId, errorNotification: false });
  const call = useEndpointMutation();
  const [pending, setPending] = useState(false);

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!child) return <Skeleton active />;

  const submit = async (values: VisitValues) => {
    setPending(true);
    try {
      await call('recordChildService', { params: { childId }, body: serviceBody(values) });
      void message.success(t('children.visit.saved'));
      void navigate(`/children/${childId}`);
    } catch (error) {
      if (!applyProblemToForm(form, error)) notification.error({ message: t('actions.failed'), description: problemMessage(error) });
    } finally {
      setPending(false);
    }
  };

  return (
    <Flex vertical gap={12} style={{ width: '100%', maxWidth: 480, margin: '0 auto' }} data-testid="visit-form-page">
      <Link to={`/children/${childId}`}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0, ...TOUCH }}>
          {t('children.visit.back')}
        </Button>
      </Link>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('children.visit.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('children.visit.subtitle', { alias: child.alias, ageBand: t(`children.ageBands.${child.ageBand}`) })}
        </Typography.Text>
      </div>
      <Form<VisitValues>
        form={form}
        layout="vertical"
        size="large"
        initialValues={{ kind: 'family_visit', date: dayjs() }}
        onFinish={(values) => void submit(values)}
        data-testid="visit-form"
      >
        <Form.Item name="kind" label={t('children.visit.kind')} rules={[{ required: true, message: t('children.required') }]}>
          <Select<ServiceKind>
            aria-label={t('children.visit.kind')}
            style={{ width: '100%' }}
            listHeight={360}
            options={[
              {
                label: t('children.visit.visitKinds'),
                options: VISIT_KINDS.map((k) => ({ value: k, label: t(`children.serviceKinds.${k}`) })),
              },
              {
                label: t('children.visit.otherKinds'),
                options: OTHER_KINDS.map((k) => ({ value: k, label: t(`children.serviceKinds.${k}`) })),
              },
            ]}
          />
        </Form.Item>
        <Form.Item name="date" label={t('children.visit.date')} rules={[{ required: true, message: t('children.required') }]}>
          <DatePicker
            aria-label={t('children.visit.date')}
            style={{ width: '100%' }}
            inputReadOnly
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        {kind && COUNTED_KINDS.includes(kind) && (
          <Form.Item name="quantity" label={t('children.visit.quantity')}>
            <InputNumber min={1} precision={0} inputMode="numeric" style={{ width: '100%' }} />
          </Form.Item>
        )}
        {kind && PAID_KINDS.includes(kind) && (
          <Form.Item
            name="amountYuan"
            label={t('children.visit.amountYuan')}
            rules={[{ pattern: /^\d+(\.\d{1,2})?$/, message: t('children.visit.amountFormat') }]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('children.visit.notes')}>
          <Input.TextArea
            aria-label={t('children.visit.notes')}
            rows={5}
            maxLength={2000}
            placeholder={t('children.visit.notesPlaceholder')}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={pending} style={{ height: 52, fontSize: 17 }} data-testid="visit-submit">
          {t('children.visit.submit')}
        </Button>
      </Form>
    </Flex>
  );
}
