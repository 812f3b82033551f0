import { useState } from 'react';
import { useLogin } from '@refinedev/core';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitcher } from '../../components/language-switcher';
import type { LoginParams } from '../../providers/auth-provider';

export function LoginPage() {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const { mutate: login, isPending } = useLogin<LoginParams>();

  const onFinish = (values: LoginParams) => {
    setFailure(null);
    login(values, {
      onSuccess: (result) => {
        if (!result.success) setFailure(result.error?.message ?? t('login.failed'));
      },
    });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Flex justify="flex-end" style={{ padding: 16 }}>
        <LanguageSwitcher />
      </Flex>
      <Flex justify="center" align="center" style={{ flex: 1, padding: 16 }}>
        <Card style={{ width: '100%', maxWidth: 400 }}>
          <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            {t('login.subtitle')}
          </Typography.Paragraph>
          {failure && (
            <Alert
              type="error"
              showIcon
              message={t('login.failed')}
              description={failure}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Form<LoginParams> layout="vertical" requiredMark={false} onFinish={onFinish} disabled={isPending}>
            <Form.Item
              name="login"
              label={t('login.fields.login')}
              rules={[{ required: true, whitespace: true, message: t('login.validation.loginRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                placeholder={t('login.fields.loginPlaceholder')}
                autoComplete="username"
                size="large"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.fields.password')}
              rules={[{ required: true, message: t('login.validation.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                placeholder={t('login.fields.passwordPlaceholder')}
                autoComplete="current-password"
                size="large"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={isPending}>
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph style={{ textAlign: 'center', marginTop: 16, marginBottom: 0 }}>
            {t('login.noAccount')} <Link to="/register">{t('login.toRegister')}</Link>
          </Typography.Paragraph>
        </Card>
      </Flex>
    </Layout>
  );
}
