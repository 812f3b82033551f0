import { useEffect, useState } from 'react';
import { useOne } from '@refinedev/core';
import { Alert, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Skeleton, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { CHILD_CONTACT_NEED_TYPES, NEED_TYPES, type NeedType, type NeedView, type OrganizationView } from '@kindred/contracts';
import { useApiAction } from '../../api/use-api-action';
import { useEndpointMutation } from '../../api/use-endpoint';
import { useSkills } from '../../api/use-skills';
import { ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { applyProblemToForm, problemMessage } from '../../i18n/problem-messages';
import { yuanToFen } from '../../lib/money';
import { useSession } from '../../session/use-session';
import { NeedItemsFields } from './need-items-fields';
import { fromNeed, toBody, type NeedFormValues } from './need-form-values';

export function NeedCreatePage() {
  return <NeedForm needId={null} />;
}

export function NeedEditPage() {
  const { id = '' } = useParams<{ id: string }>();
  return <NeedForm key={id} needId={id} />;
}

/** Create (as a draft) or edit a need; type and goods lines can change only while it is a draft. */
function NeedForm({ needId }: { needId: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { currentMembership } = useSession();
  const organizationId = currentMembership?.organizationId ?? '';
  const [form] = Form.useForm<NeedFormValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const { run, pending } = useApiAction();
  const call = useEndpointMutation();
  const { options: skillOptions, isLoading: skillsLoading } = useSkills();
  const editing = needId !== null;
  const type = Form.useWatch('type', form);

  const { result: need, query: needQuery } = useOne<NeedView>({ resource: 'needs', id: needId ?? '', queryOptions: { enabled: editing } });
  const { result: organization } = useOne<OrganizationView>({
    resource: 'organizations',
    id: organizationId,
    queryOptions: { enabled: !editing && organizationId !== '' },
  });
  const isDraft = !editing || need?.status === 'draft';

  useEffect(() => {
    if (!editing && organization && !form.getFieldValue('regionCode')) form.setFieldsValue({ regionCode: organization.regionCode });
  }, [editing, organization, form]);

  useEffect(() => {
    if (!need) return;
    form.setFieldsValue(fromNeed(need));
  }, [need, form]);

  if (editing && needQuery.isError) return <ErrorState error={needQuery.error} onRetry={() => void needQuery.refetch()} />;
  if (editing && !need) return <Skeleton active />;

  const onValuesChange = (changed: Partial<NeedFormValues>) => {
    // Types where volunteers usually meet children default to child contact (safeguarding checks apply).
    if (changed.type && !editing) form.setFieldsValue({ childContact: CHILD_CONTACT_NEED_TYPES.includes(changed.type) });
  };

  const onFinish = async (values: NeedFormValues) => {
    setFailure(null);
    // Field errors go on their fields, and the problem is said above the form too (a list's error has no field to show on).
    const onError = (error: unknown) => {
      applyProblemToForm(form, error);
      setFailure(problemMessage(error));
      return true;
    };
    if (editing && needId) {
      const saved = await run('save', () => call('updateNeed', { params: { needId }, body: toBody(values, isDraft) }), {
        success: t('needs.form.saved'),
        onError,
      });
      if (saved) void navigate(`/needs/${saved.id}`);
      return;
    }
    const created = await run('save', () => call('createNeed', { body: { organizationId, ...toBody(values, true) } }), {
      success: t('needs.form.created'),
      onError,
    });
    if (created) void navigate(`/needs/${created.id}`);
  };

  return (
    <>
      <PageHeader
        title={editing ? t('needs.form.editTitle') : t('needs.form.createTitle')}
        subtitle={editing ? need?.title : `${currentMembership?.organizationName ?? ''} · ${t('needs.form.createSubtitle')}`}
      />
      <Card>
        {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
        <Form<NeedFormValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => void onFinish(values)}
          onValuesChange={onValuesChange}
          initialValues={{ type: 'tutoring', childContact: true, requiredSkills: [], beneficiaryCount: 0, items: [] }}
          disabled={pending === 'save'}
          data-testid="need-form"
          scrollToFirstError
        >
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="type"
                label={t('needs.form.type')}
                extra={!isDraft ? t('needs.form.typeLocked') : undefined}
                rules={[{ required: true, message: t('needs.form.typeRequired') }]}
              >
                <Select<NeedType>
                  disabled={!isDraft}
                  options={NEED_TYPES.map((type) => ({ value: type, label: t(`needTypes.${type}`) }))}
                  data-testid="need-type"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                name="title"
                label={t('needs.form.title')}
                rules={[
                  { required: true, whitespace: true, message: t('needs.form.titleRequired') },
                  { max: 120, message: t('needs.form.titleTooLong') },
                ]}
              >
                <Input placeholder={t('needs.form.titlePlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="description"
            label={t('needs.form.description')}
            rules={[{ required: true, whitespace: true, message: t('needs.form.descriptionRequired') }]}
          >
            <Input.TextArea rows={4} placeholder={t('needs.form.descriptionPlaceholder')} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="regionCode"
                label={t('needs.form.regionCode')}
                extra={t('needs.form.regionCodeHelp')}
                rules={[
                  { required: true, message: t('needs.form.regionCodeRequired') },
                  { pattern: /^\d{6}(\d{3})?$/, message: t('needs.form.regionCodeFormat') },
                ]}
              >
                <Input inputMode="numeric" maxLength={9} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="place" label={t('needs.form.place')} extra={t('needs.form.placeHelp')}>
                <Input placeholder={t('needs.form.placePlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="childContact"
                label={t('needs.form.childContact')}
                valuePropName="checked"
                extra={t('needs.form.childContactHelp')}
              >
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="minAge" label={t('needs.form.minAge')}>
                <InputNumber min={14} max={80} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="beneficiaryCount" label={t('needs.form.beneficiaryCount')}>
                <InputNumber min={0} max={100000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="requiredSkills" label={t('needs.form.requiredSkills')} extra={t('needs.form.requiredSkillsHelp')}>
            <Select mode="multiple" allowClear loading={skillsLoading} options={skillOptions} optionFilterProp="label" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="period" label={t('needs.form.period')} extra={t('needs.form.periodHelp')}>
                <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="targetYuan"
                label={t('needs.form.target')}
                extra={t('needs.form.targetHelp')}
                rules={[
                  {
                    validator: (_rule, value: string | undefined) =>
                      !value?.trim() || yuanToFen(value) !== null ? Promise.resolve() : Promise.reject(new Error(t('money.invalid'))),
                  },
                ]}
              >
                <Input prefix="¥" inputMode="decimal" placeholder="0.00" />
              </Form.Item>
            </Col>
          </Row>
          {type === 'goods' && <NeedItemsFields isDraft={isDraft} />}
          <Flex gap={8} style={{ marginTop: 24 }} wrap>
            <Button type="primary" htmlType="submit" loading={pending === 'save'} data-testid="save-need">
              {editing ? t('needs.form.save') : t('needs.form.submit')}
            </Button>
            <Button onClick={() => void navigate(editing && needId ? `/needs/${needId}` : '/needs')}>{t('buttons.cancel')}</Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
