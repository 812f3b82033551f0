import { useEffect, useState } from 'react';
import { useOne } from '@refinedev/core';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Switch,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { CHILD_CONTACT_NEED_TYPES, NEED_TYPES, type NeedType, type NeedView, type OrganizationView } from '@kindred/contracts';
import { useApiAction } from '../../api/use-api-action';
import { useEndpointMutation } from '../../api/use-endpoint';
import { useSkills } from '../../api/use-skills';
import { ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { applyProblemToForm, problemMessage } from '../../i18n/problem-messages';
import { fenToYuan, yuanToFen } from '../../lib/money';
import { useSession } from '../../session/use-session';

interface ItemValues {
  name: string;
  unit: string;
  quantity: number;
}

interface NeedFormValues {
  type: NeedType;
  title: string;
  description: string;
  regionCode: string;
  place?: string;
  childContact: boolean;
  requiredSkills: string[];
  minAge?: number | null;
  beneficiaryCount?: number | null;
  period?: [Dayjs, Dayjs] | null;
  targetYuan?: string;
  items?: ItemValues[];
}

function toBody(values: NeedFormValues, includeDraftOnly: boolean) {
  const body: Record<string, unknown> = {
    title: values.title.trim(),
    description: values.description.trim(),
    regionCode: values.regionCode.trim(),
    place: values.place?.trim() || null,
    childContact: values.childContact,
    requiredSkills: values.requiredSkills ?? [],
    minAge: values.minAge ?? null,
    beneficiaryCount: values.beneficiaryCount ?? 0,
    startsAt: values.period?.[0]?.toISOString() ?? null,
    endsAt: values.period?.[1]?.toISOString() ?? null,
    targetFen: values.targetYuan?.trim() ? yuanToFen(values.targetYuan) : null,
  };
  if (includeDraftOnly) {
    body.type = values.type;
    const items = (values.items ?? [])
      .filter((item) => item?.name?.trim())
      .map((item) => ({ name: item.name.trim(), unit: item.unit.trim(), quantity: item.quantity }));
    // Only goods needs have goods lines, and the API takes them only as a non-empty list.
    if (values.type === 'goods' && items.length > 0) body.items = items;
  }
  return body;
}

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
    form.setFieldsValue({
      type: need.type,
      title: need.title,
      description: need.description,
      regionCode: need.regionCode,
      place: need.place ?? undefined,
      childContact: need.childContact,
      requiredSkills: need.requiredSkills,
      minAge: need.minAge,
      beneficiaryCount: need.beneficiaryCount,
      period: need.startsAt && need.endsAt ? [dayjs(need.startsAt), dayjs(need.endsAt)] : undefined,
      targetYuan: need.targetFen === null ? undefined : String(fenToYuan(need.targetFen)),
      items: need.items.map((item) => ({ name: item.name, unit: item.unit, quantity: item.quantity })),
    });
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
      const saved = await run(
        'save',
        () => call('updateNeed', { params: { needId }, body: toBody(values, isDraft) }),
        {
          success: t('needs.form.saved'),
          onError,
        },
      );
      if (saved) void navigate(`/needs/${saved.id}`);
      return;
    }
    const created = await run(
      'save',
      () => call('createNeed', { body: { organizationId, ...toBody(values, true) } }),
      { success: t('needs.form.created'), onError },
    );
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
          {type === 'goods' && (
            <>
              <Divider orientation="left" plain>
                {t('needs.form.items')}
              </Divider>
              <Typography.Paragraph type="secondary">
                {isDraft ? t('needs.form.itemsHelp') : t('needs.form.itemsLocked')}
              </Typography.Paragraph>
              <Form.List name="items">
                {(fields, { add, remove }) => (
                  <Flex vertical gap={8} data-testid="need-items">
                    {fields.map((field) => (
                      <Flex key={field.key} gap={8} align="baseline" wrap>
                        <Form.Item
                          name={[field.name, 'name']}
                          rules={[{ required: true, whitespace: true, message: t('needs.form.itemNameRequired') }]}
                          style={{ flex: '2 1 160px', marginBottom: 0 }}
                        >
                          <Input placeholder={t('needs.form.itemName')} aria-label={t('needs.form.itemName')} disabled={!isDraft} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'unit']}
                          rules={[{ required: true, whitespace: true, message: t('needs.form.itemUnitRequired') }]}
                          style={{ flex: '1 1 80px', marginBottom: 0 }}
                        >
                          <Input placeholder={t('needs.form.itemUnit')} aria-label={t('needs.form.itemUnit')} disabled={!isDraft} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'quantity']}
                          rules={[{ required: true, message: t('needs.form.itemQuantityRequired') }]}
                          style={{ flex: '1 1 100px', marginBottom: 0 }}
                        >
                          <InputNumber
                            min={1}
                            max={1_000_000}
                            precision={0}
                            placeholder={t('needs.form.itemQuantity')}
                            aria-label={t('needs.form.itemQuantity')}
                            style={{ width: '100%' }}
                            disabled={!isDraft}
                          />
                        </Form.Item>
                        {isDraft && (
                          <Button
                            type="text"
                            danger
                            icon={<MinusCircleOutlined />}
                            onClick={() => remove(field.name)}
                            aria-label={t('needs.form.removeItem')}
                          />
                        )}
                      </Flex>
                    ))}
                    {isDraft && (
                      <Button
                        type="dashed"
                        icon={<PlusOutlined />}
                        onClick={() => add({ name: '', unit: '', quantity: 1 })}
                        data-testid="add-item"
                      >
                        {t('needs.form.addItem')}
                      </Button>
                    )}
                  </Flex>
                )}
              </Form.List>
            </>
          )}
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
