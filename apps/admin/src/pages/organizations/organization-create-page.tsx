import { useState } from 'react';
import { useCreate } from '@refinedev/core';
import { Alert, App, Button, Card, Form, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { OrganizationView } from '@kindred/contracts';
import { PageHeader } from '../../components/page-header';
import { applyProblemToForm, problemMessage } from '../../i18n/problem-messages';
import { organizationSelection } from '../../session/current-organization';
import { useSession } from '../../session/use-session';

interface CreateOrganizationForm {
  kind: 'ngo' | 'company';
  name: string;
  regionCode: string;
}

const REGION_CODE = /^(\d{6}|\d{9})$/;

export function OrganizationCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { refresh } = useSession();
  const [form] = Form.useForm<CreateOrganizationForm>();
  const [failure, setFailure] = useState<string | null>(null);
  const { mutate: create, mutation } = useCreate<OrganizationView>();

  const onFinish = (values: CreateOrganizationForm) => {
    setFailure(null);
    create(
      {
        resource: 'organizations',
        values: { kind: values.kind, name: values.name.trim(), regionCode: values.regionCode.trim() },
        successNotification: false,
        errorNotification: false,
      },
      {
        onSuccess: async ({ data }) => {
          void message.success(t('organizations.create.success', { name: data.name }));
          // The creator is now its owner: reload the memberships, then work in the new organisation.
          organizationSelection.set(data.id);
          await refresh();
          void navigate(`/organizations/${data.id}`);
        },
        onError: (error) => {
          if (!applyProblemToForm(form, error)) setFailure(problemMessage(error));
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t('organizations.create.title')} subtitle={t('organizations.create.subtitle')} />
      <Card style={{ maxWidth: 640 }}>
        {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="create-error" />}
        <Form<CreateOrganizationForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ kind: 'ngo' }}
          onFinish={onFinish}
          disabled={mutation.isPending}
          data-testid="organization-create-form"
        >
          <Form.Item
            name="kind"
            label={t('organizations.create.kind')}
            extra={t('organizations.create.kindHelp')}
            rules={[{ required: true, message: t('organizations.create.validation.kindRequired') }]}
          >
            <Radio.Group optionType="button" buttonStyle="solid">
              <Radio.Button value="ngo">{t('organizationKinds.ngo')}</Radio.Button>
              <Radio.Button value="company">{t('organizationKinds.company')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="name"
            label={t('organizations.create.name')}
            rules={[
              { required: true, whitespace: true, message: t('organizations.create.validation.nameRequired') },
              { max: 100, message: t('organizations.create.validation.nameTooLong') },
            ]}
          >
            <Input placeholder={t('organizations.create.namePlaceholder')} />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('organizations.create.regionCode')}
            extra={t('organizations.create.regionCodeHelp')}
            rules={[
              { required: true, whitespace: true, message: t('organizations.create.validation.regionCodeRequired') },
              { pattern: REGION_CODE, message: t('organizations.create.validation.regionCodeFormat') },
            ]}
          >
            <Input placeholder={t('organizations.create.regionCodePlaceholder')} inputMode="numeric" maxLength={9} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={mutation.isPending}>
              {t('organizations.create.submit')}
            </Button>
            <Button onClick={() => void navigate(-1)}>{t('buttons.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
