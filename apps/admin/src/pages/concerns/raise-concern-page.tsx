import { useMemo } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Result, Select, Space, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { OTHER_CONCERN_CATEGORIES, STATUTORY_CONCERN_CATEGORIES, type ConcernCategory } from '@kindred/contracts';
import { useApiAction } from '../../api/use-api-action';
import { useEndpointMutation } from '../../api/use-endpoint';
import type { RaiseConcernBody } from '../../api/endpoints';
import { ChildPicker } from '../../components/children/child-picker';
import { childrenRoleOf } from '../../components/children/children-data';
import { applyProblemToForm } from '../../i18n/problem-messages';
import { StatutoryTag } from './concern-labels';
import { useSession } from '../../session/use-session';

interface RaiseValues {
  childId?: string;
  childDescription?: string;
  category?: ConcernCategory;
  description?: string;
  immediateDanger?: boolean;
  location?: string;
  occurredAt?: Dayjs | null;
}

/** The body of `POST /concerns` from the form: empty optional fields are left out. */
export function raiseConcernBody(organizationId: string, values: RaiseValues): RaiseConcernBody {
  const body: RaiseConcernBody = {
    organizationId,
    category: values.category as ConcernCategory,
    description: (values.description ?? '').trim(),
    immediateDanger: values.immediateDanger === true,
  };
  if (values.childId) body.childId = values.childId;
  else if (values.childDescription?.trim()) body.childDescription = values.childDescription.trim();
  if (values.location?.trim()) body.location = values.location.trim();
  if (values.occurredAt) body.occurredAt = values.occurredAt.format('YYYY-MM-DDTHH:mm:ssZ');
  return body;
}

/**
 * "报告关注": one screen, phone first. Opened from a child's file (`?childId=`), a shift's roster or a
 * volunteer's own shift (`?organizationId=`); otherwise it reports to the organisation selected in the
 * header. Members of the NGO pick a registered child; a volunteer describes the child instead.
 */
export function RaiseConcernPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { memberships, currentMembership } = useSession();
  const [form] = Form.useForm<RaiseValues>();
  const call = useEndpointMutation();
  const { run, pending } = useApiAction();

  const organizationId =
    search.get('organizationId') ?? (currentMembership?.organizationKind === 'ngo' ? currentMembership.organizationId : null);
  const presetChild = search.get('childId') ?? undefined;
  const membership = memberships.find((m) => m.organizationId === organizationId);
  const canPickChild = childrenRoleOf(membership) !== 'none';
  const childId = Form.useWatch('childId', form);

  const categoryOptions = useMemo(
    () => [
      {
        label: t('concerns.raise.statutoryGroup'),
        options: STATUTORY_CONCERN_CATEGORIES.map((c) => ({
          value: c,
          label: (
            <Space size={4}>
              {t(`concerns.categories.${c}`)}
              <StatutoryTag />
            </Space>
          ),
        })),
      },
      {
        label: t('concerns.raise.otherGroup'),
        options: OTHER_CONCERN_CATEGORIES.map((c) => ({ value: c, label: t(`concerns.categories.${c}`) })),
      },
    ],
    [t],
  );

  if (!organizationId) return <Result status="info" title={t('concerns.raise.noOrganization')} />;

  const submit = async (values: RaiseValues) => {
    const raised = await run('raise', () => call('raiseConcern', { body: raiseConcernBody(organizationId, values) }), {
      success: t('concerns.raise.sent'),
      onError: (error) => applyProblemToForm(form, error),
    });
    if (raised) void navigate('/concerns/mine');
  };

  const required = [{ required: true, whitespace: true, message: t('concerns.raise.required') }];

  return (
    <Card style={{ maxWidth: 480, width: '100%', margin: '0 auto' }} styles={{ body: { padding: 16 } }} data-testid="raise-concern">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('concerns.raise.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('concerns.raise.intro')}</Typography.Paragraph>
      <Alert type="warning" showIcon message={t('concerns.raise.emergency')} style={{ marginBottom: 16 }} />
      <Form<RaiseValues>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        initialValues={{ childId: presetChild, immediateDanger: false }}
        onFinish={(values) => void submit(values)}
        scrollToFirstError
      >
        {canPickChild && (
          <Form.Item name="childId" label={t('concerns.raise.child')}>
            <ChildPicker organizationId={organizationId} aria-label={t('concerns.raise.child')} />
          </Form.Item>
        )}
        {!childId && (
          <Form.Item
            name="childDescription"
            label={t('concerns.raise.childDescription')}
            rules={canPickChild ? [{ max: 500 }] : [...required, { max: 500 }]}
          >
            <Input.TextArea rows={2} maxLength={500} placeholder={t('concerns.raise.childDescriptionHint')} />
          </Form.Item>
        )}
        <Form.Item name="category" label={t('concerns.raise.category')} rules={[{ required: true, message: t('concerns.raise.required') }]}>
          <Select options={categoryOptions} aria-label={t('concerns.raise.category')} data-testid="concern-category" />
        </Form.Item>
        <Form.Item name="description" label={t('concerns.raise.description')} rules={[...required, { max: 4000 }]}>
          <Input.TextArea rows={5} maxLength={4000} />
        </Form.Item>
        <Form.Item
          name="immediateDanger"
          label={t('concerns.raise.immediateDanger')}
          valuePropName="checked"
          extra={t('concerns.raise.immediateDangerHint')}
        >
          <Switch aria-label={t('concerns.raise.immediateDanger')} />
        </Form.Item>
        <Form.Item name="location" label={t('concerns.raise.location')} rules={[{ max: 300 }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="occurredAt" label={t('concerns.raise.occurredAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Button
          type="primary"
          danger
          htmlType="submit"
          size="large"
          block
          style={{ height: 52 }}
          loading={pending === 'raise'}
          data-testid="raise-submit"
        >
          {t('concerns.raise.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 12, textAlign: 'center' }}>
        <Link to="/concerns/mine">{t('concerns.nav.mine')}</Link>
      </div>
    </Card>
  );
}
