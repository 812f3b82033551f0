import { useState } from 'react';
import { useRegister } from '@refinedev/core';
import { LockOutlined, MailOutlined, MobileOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Layout, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitcher } from '../../components/language-switcher';
import { currentLocale } from '../../i18n/i18n';
import { applyProblemToForm } from '../../i18n/problem-messages';
import type { RegisterParams } from '../../providers/auth-provider';

type Method = 'email' | 'phone';

interface RegisterForm {
  email?: string;
  phone?: string;
  password: string;
  confirmPassword: string;
  displayName: string;
}

// The API's rule for mainland mobile numbers (optionally +86, spaces or dashes between digits).
const CN_MOBILE = /^(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d){8}$/;
const PASSWORD_MIN_LENGTH = 8;

export function RegisterPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegisterForm>();
  const [method, setMethod] = useState<Method>('email');
  const [failure, setFailure] = useState<string | null>(null);
  const { mutate: register, isPending } = useRegister<RegisterParams>();

  const onFinish = (values: RegisterForm) => {
    setFailure(null);
    const params: RegisterParams = {
      password: values.password,
      displayName: values.displayName,
      locale: currentLocale(),
      ...(method === 'email' ? { email: values.email } : { phone: values.phone }),
    };
    register(params, {
      onSuccess: (result) => {
        if (result.success) return;
        // `login_taken` names no field; it belongs on the one the person typed.
        const placed = applyProblemToForm(form, result.error, { login_taken: method });
        if (!placed) setFailure(result.error?.message ?? t('register.failed'));
      },
    });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Flex justify="flex-end" style={{ padding: 16 }}>
        <LanguageSwitcher />
      </Flex>
      <Flex justify="center" align="center" style={{ flex: 1, padding: 16 }}>
        <Card style={{ width: '100%', maxWidth: 440 }}>
          <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
            {t('register.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            {t('register.subtitle')}
          </Typography.Paragraph>
          {failure && (
            <Alert
              type="error"
              showIcon
              message={t('register.failed')}
              description={failure}
              style={{ marginBottom: 16 }}
              data-testid="register-error"
            />
          )}
          <Form<RegisterForm>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={onFinish}
            disabled={isPending}
            data-testid="register-form"
          >
            <Form.Item label={t('register.method.label')}>
              <Segmented<Method>
                block
                value={method}
                onChange={setMethod}
                options={[
                  { value: 'email', label: t('register.method.email'), icon: <MailOutlined /> },
                  { value: 'phone', label: t('register.method.phone'), icon: <MobileOutlined /> },
                ]}
              />
            </Form.Item>
            {method === 'email' ? (
              <Form.Item
                name="email"
                label={t('register.fields.email')}
                rules={[
                  { required: true, whitespace: true, message: t('register.validation.emailRequired') },
                  { type: 'email', message: t('register.validation.emailInvalid') },
                ]}
              >
                <Input
                  prefix={<MailOutlined />}
                  placeholder={t('register.fields.emailPlaceholder')}
                  autoComplete="email"
                  inputMode="email"
                  size="large"
                />
              </Form.Item>
            ) : (
              <Form.Item
                name="phone"
                label={t('register.fields.phone')}
                rules={[
                  { required: true, whitespace: true, message: t('register.validation.phoneRequired') },
                  { pattern: CN_MOBILE, message: t('register.validation.phoneInvalid') },
                ]}
              >
                <Input
                  prefix={<MobileOutlined />}
                  placeholder={t('register.fields.phonePlaceholder')}
                  autoComplete="tel"
                  inputMode="tel"
                  size="large"
                />
              </Form.Item>
            )}
            <Form.Item
              name="displayName"
              label={t('register.fields.displayName')}
              rules={[
                { required: true, whitespace: true, message: t('register.validation.displayNameRequired') },
                { max: 60, message: t('register.validation.displayNameTooLong') },
              ]}
            >
              <Input
                prefix={<UserOutlined />}
                placeholder={t('register.fields.displayNamePlaceholder')}
                autoComplete="nickname"
                size="large"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('register.fields.password')}
              rules={[
                { required: true, message: t('register.validation.passwordRequired') },
                { min: PASSWORD_MIN_LENGTH, message: t('register.validation.passwordTooShort') },
              ]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                placeholder={t('register.fields.passwordPlaceholder')}
                autoComplete="new-password"
                size="large"
              />
            </Form.Item>
            <Form.Item
              name="confirmPassword"
              label={t('register.fields.confirmPassword')}
              dependencies={['password']}
              rules={[
                { required: true, message: t('register.validation.confirmRequired') },
                ({ getFieldValue }) => ({
                  validator: (_rule, value) =>
                    !value || getFieldValue('password') === value
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('register.validation.passwordMismatch'))),
                }),
              ]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                placeholder={t('register.fields.confirmPasswordPlaceholder')}
                autoComplete="new-password"
                size="large"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={isPending}>
              {t('register.submit')}
            </Button>
          </Form>
          <Typography.Paragraph style={{ textAlign: 'center', marginTop: 16, marginBottom: 0 }}>
            {t('register.haveAccount')} <Link to="/login">{t('register.toLogin')}</Link>
          </Typography.Paragraph>
        </Card>
      </Flex>
    </Layout>
  );
}
