import { useEffect, useState } from 'react';
import { useCustomMutation } from '@refinedev/core';
import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, List, Row, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LOCALES, type Locale, type MeResponse } from '@kindred/contracts';
import { PageHeader } from '../../components/page-header';
import { setLocale } from '../../i18n/i18n';
import { applyProblemToForm, problemMessage } from '../../i18n/problem-messages';
import { useSession } from '../../session/use-session';

interface AccountForm {
  displayName: string;
  locale: Locale;
}

export function AccountPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me, memberships, refresh, selectOrganization } = useSession();
  const [form] = Form.useForm<AccountForm>();
  const [failure, setFailure] = useState<string | null>(null);
  const { mutate, mutation } = useCustomMutation<MeResponse>();

  useEffect(() => {
    if (me) form.setFieldsValue({ displayName: me.displayName, locale: me.locale });
  }, [me, form]);

  const onFinish = (values: AccountForm) => {
    if (!me) return;
    setFailure(null);
    const changes: Partial<AccountForm> = {};
    if (values.displayName.trim() !== me.displayName) changes.displayName = values.displayName.trim();
    if (values.locale !== me.locale) changes.locale = values.locale;
    mutate(
      { url: 'me', method: 'patch', values: changes, successNotification: false, errorNotification: false },
      {
        onSuccess: async ({ data }) => {
          // The saved language is the interface language from now on.
          await setLocale(data.locale ?? values.locale);
          void message.success(t('account.saved'));
          await refresh();
        },
        onError: (error) => {
          if (!applyProblemToForm(form, error)) setFailure(problemMessage(error));
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t('account.title')} subtitle={t('account.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card>
            {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
            <Form<AccountForm>
              form={form}
              layout="vertical"
              requiredMark={false}
              onFinish={onFinish}
              disabled={!me || mutation.isPending}
              data-testid="account-form"
            >
              <Form.Item
                name="displayName"
                label={t('account.displayName')}
                rules={[
                  { required: true, whitespace: true, message: t('account.displayNameRequired') },
                  { max: 60, message: t('account.displayNameTooLong') },
                ]}
              >
                <Input autoComplete="nickname" />
              </Form.Item>
              <Form.Item name="locale" label={t('account.locale')} extra={t('account.localeHelp')}>
                <Select<Locale>
                  aria-label={t('account.locale')}
                  options={LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
                  data-testid="account-locale"
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={mutation.isPending}>
                {t('account.save')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Flex vertical gap={16}>
            <Card>
              <Descriptions column={1}>
                <Descriptions.Item label={t('account.email')}>{me?.email ?? t('account.none')}</Descriptions.Item>
                <Descriptions.Item label={t('account.phone')}>{me?.phone ?? t('account.none')}</Descriptions.Item>
              </Descriptions>
              {me?.isPlatformAdmin && (
                <Tag icon={<SafetyCertificateOutlined />} color="gold">
                  {t('account.platformAdmin')}
                </Tag>
              )}
            </Card>
            <Card
              title={t('account.memberships')}
              extra={
                <Link to="/organizations/create">
                  <Button size="small" icon={<PlusOutlined />}>
                    {t('account.createOrganization')}
                  </Button>
                </Link>
              }
            >
              {memberships.length === 0 ? (
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                  {t('account.noMemberships')}
                </Typography.Paragraph>
              ) : (
                <List
                  dataSource={[...memberships]}
                  rowKey="organizationId"
                  renderItem={(m) => (
                    <List.Item>
                      <Link to={`/organizations/${m.organizationId}`} onClick={() => selectOrganization(m.organizationId)}>
                        {m.organizationName}
                      </Link>
                      <Flex gap={4} wrap>
                        <Tag>{t(`organizationKinds.${m.organizationKind}`)}</Tag>
                        <Tag color="blue">{t(`roles.${m.role}`)}</Tag>
                      </Flex>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Flex>
        </Col>
      </Row>
    </>
  );
}
