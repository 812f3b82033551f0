import { useEffect, useState } from 'react';
import { useCreate, useOne } from '@refinedev/core';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Divider, Flex, Form, Input, Radio, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { GENDERS, type ChildCategory, type ChildView, type Gender, type OrganizationView } from '@kindred/contracts';
import { CategoryGroups } from '../../components/children/category-groups';
import { ChildPicker } from '../../components/children/child-picker';
import { PageHeader } from '../../components/page-header';
import { applyProblemToForm, problemMessage } from '../../i18n/problem-messages';
import { useSession } from '../../session/use-session';
import { checkIdNumber } from './id-number';

interface GuardianValues {
  name?: string;
  relation?: string;
  phone?: string;
}

interface RegisterValues {
  legalName: string;
  idNumber?: string;
  gender?: Gender;
  birthDate?: Dayjs;
  regionCode: string;
  address?: string;
  schoolName?: string;
  registeredOn?: Dayjs;
  categories?: ChildCategory[];
  householdOf?: string;
  guardians?: GuardianValues[];
}

const DATE = 'YYYY-MM-DD';

/** The body of `POST /organizations/{orgId}/children`, exactly as the API contract names it. */
export function registrationBody(values: RegisterValues) {
  const text = (value: string | undefined) => value?.trim() || undefined;
  const categories: ChildCategory[] = values.categories ?? [];
  const guardians = (values.guardians ?? [])
    .filter((g) => g?.name?.trim())
    .map((g) => ({ name: g.name!.trim(), relation: g.relation?.trim() ?? '', ...(text(g.phone) ? { phone: text(g.phone) } : {}) }));
  const body: Record<string, unknown> = {
    legalName: values.legalName.trim(),
    gender: values.gender,
    birthDate: values.birthDate?.format(DATE),
    idNumber: text(values.idNumber)?.toUpperCase(),
    regionCode: values.regionCode.trim(),
    address: text(values.address),
    categories,
    householdOf: values.householdOf || undefined,
    guardians: guardians.length > 0 ? guardians : undefined,
    schoolName: text(values.schoolName),
    registeredOn: values.registeredOn?.format(DATE),
  };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

/** Registers a child of the selected NGO (owners and coordinators: the form carries identity fields). */
export function ChildRegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { currentMembership } = useSession();
  const organizationId = currentMembership?.organizationId ?? '';
  const [form] = Form.useForm<RegisterValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const idNumber = Form.useWatch('idNumber', form);
  const idCheck = checkIdNumber(idNumber);
  // While the number is still being typed, say how it should look rather than that it is wrong.
  const idComplete = (idNumber ?? '').trim().length >= 18;
  const { mutateAsync, mutation } = useCreate<ChildView>();
  const { result: organization } = useOne<OrganizationView>({
    resource: 'organizations',
    id: organizationId,
    queryOptions: { enabled: organizationId !== '' },
  });

  useEffect(() => {
    if (organization && !form.getFieldValue('regionCode')) form.setFieldsValue({ regionCode: organization.regionCode });
  }, [organization, form]);

  // A valid ID number carries the birth date and gender: fill them when still empty.
  const idBirthDate = idCheck.kind === 'valid' ? idCheck.birthDate : null;
  const idGender = idCheck.kind === 'valid' ? idCheck.gender : null;
  useEffect(() => {
    if (idBirthDate && !form.getFieldValue('birthDate')) form.setFieldsValue({ birthDate: dayjs(idBirthDate) });
    if (idGender && !form.getFieldValue('gender')) form.setFieldsValue({ gender: idGender });
  }, [idBirthDate, idGender, form]);

  const onFinish = async (values: RegisterValues) => {
    setFailure(null);
    try {
      const { data } = await mutateAsync({
        resource: 'children',
        values: registrationBody(values),
        meta: { path: `organizations/${organizationId}/children` },
        successNotification: false,
        errorNotification: false,
      });
      form.resetFields();
      void navigate(`/children/${data.id}`, { state: { created: data.alias } });
    } catch (error) {
      applyProblemToForm(form, error, { invalid_id_number: 'idNumber' });
      setFailure(problemMessage(error));
    }
  };

  const idHelp =
    idCheck.kind === 'wrong_check_digit'
      ? t('children.form.idNumberCheckDigit', { expected: idCheck.expected })
      : idCheck.kind === 'valid'
        ? t('children.form.idNumberValid')
        : idCheck.kind === 'malformed' && idComplete
          ? t('children.form.idNumberFormat')
          : t('children.form.idNumberHelp');

  return (
    <Flex vertical gap={16} style={{ maxWidth: 880 }}>
      <PageHeader title={t('children.form.title')} subtitle={t('children.form.subtitle')} />
      {failure && <Alert type="error" showIcon message={t('children.form.failed')} description={failure} data-testid="register-failure" />}
      <Card>
        <Form<RegisterValues>
          form={form}
          layout="vertical"
          onFinish={(values) => void onFinish(values)}
          initialValues={{ registeredOn: dayjs(), guardians: [{}] }}
          data-testid="child-register-form"
          scrollToFirstError
        >
          <Typography.Title level={5}>{t('children.form.identity')}</Typography.Title>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="legalName"
                label={t('children.form.legalName')}
                rules={[{ required: true, whitespace: true, message: t('children.form.legalNameRequired') }]}
              >
                <Input maxLength={50} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="idNumber"
                label={t('children.form.idNumber')}
                help={<span data-testid="id-number-hint">{idHelp}</span>}
                validateStatus={idCheck.kind === 'valid' ? 'success' : idComplete && idCheck.kind !== 'empty' ? 'error' : undefined}
                rules={[
                  {
                    validator: (_rule, value: string | undefined) => {
                      const check = checkIdNumber(value);
                      if (check.kind === 'malformed') return Promise.reject(new Error(t('children.form.idNumberFormat')));
                      if (check.kind === 'wrong_check_digit') {
                        return Promise.reject(new Error(t('children.form.idNumberCheckDigit', { expected: check.expected })));
                      }
                      return Promise.resolve();
                    },
                  },
                ]}
              >
                <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="gender"
                label={t('children.form.gender')}
                rules={[{ required: true, message: t('children.form.genderRequired') }]}
              >
                <Radio.Group optionType="button" options={GENDERS.map((g) => ({ value: g, label: t(`children.genders.${g}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="birthDate"
                label={t('children.form.birthDate')}
                rules={[
                  { required: true, message: t('children.form.birthDateRequired') },
                  {
                    validator: (_rule, value: Dayjs | undefined) => {
                      if (!value) return Promise.resolve();
                      if (value.isAfter(dayjs(), 'day')) return Promise.reject(new Error(t('children.form.birthDateFuture')));
                      if (!value.add(18, 'year').isAfter(dayjs(), 'day'))
                        return Promise.reject(new Error(t('children.form.birthDateTooOld')));
                      return Promise.resolve();
                    },
                  },
                ]}
              >
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="regionCode"
                label={t('children.form.regionCode')}
                extra={t('needs.form.regionCodeHelp')}
                rules={[
                  { required: true, message: t('needs.form.regionCodeRequired') },
                  { pattern: /^\d{6}(\d{3})?$/, message: t('needs.form.regionCodeFormat') },
                ]}
              >
                <Input maxLength={9} inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="address" label={t('children.form.address')}>
                <Input maxLength={200} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="schoolName" label={t('children.form.school')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="registeredOn" label={t('children.form.registeredOn')}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
          </Row>

          <Divider />
          <Form.Item
            name="categories"
            label={t('children.form.categories')}
            extra={t('children.form.categoriesHelp')}
            rules={[{ required: true, type: 'array', min: 1, message: t('children.form.categoriesRequired') }]}
          >
            <CategoryGroups />
          </Form.Item>
          {organizationId && (
            <Form.Item name="householdOf" label={t('children.form.household')} extra={t('children.form.householdHelp')}>
              <ChildPicker organizationId={organizationId} />
            </Form.Item>
          )}

          <Divider />
          <Typography.Title level={5}>{t('children.form.guardians')}</Typography.Title>
          <Form.List name="guardians">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Row gutter={8} key={field.key} align="top">
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'name']} label={t('children.form.guardianName')}>
                        <Input maxLength={50} autoComplete="off" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item
                        name={[field.name, 'relation']}
                        label={t('children.form.guardianRelation')}
                        dependencies={[['guardians', field.name, 'name']]}
                        rules={[
                          ({ getFieldValue }) => ({
                            validator: (_rule, value: string | undefined) =>
                              getFieldValue(['guardians', field.name, 'name'])?.trim() && !value?.trim()
                                ? Promise.reject(new Error(t('children.required')))
                                : Promise.resolve(),
                          }),
                        ]}
                      >
                        <Input maxLength={20} />
                      </Form.Item>
                    </Col>
                    <Col xs={10} md={8}>
                      <Form.Item
                        name={[field.name, 'phone']}
                        label={t('children.form.guardianPhone')}
                        rules={[{ pattern: /^1\d{10}$/, message: t('fieldMessages.phoneInvalid') }]}
                      >
                        <Input maxLength={11} inputMode="tel" autoComplete="off" />
                      </Form.Item>
                    </Col>
                    <Col xs={2} md={2}>
                      <Form.Item label=" ">
                        <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="remove" />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
                  {t('children.form.addGuardian')}
                </Button>
              </>
            )}
          </Form.List>

          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => void navigate('/children')}>{t('buttons.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="register-child-submit">
              {t('children.form.submit')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
