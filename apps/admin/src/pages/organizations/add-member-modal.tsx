import { useState } from 'react';
import { useCreate } from '@refinedev/core';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MembershipRole } from '@kindred/contracts';
import { applyProblemToForm, problemMessage } from '../../i18n/problem-messages';
import { membersPath, type MemberRow } from './members';

interface AddMemberForm {
  login: string;
  role: MembershipRole;
}

export interface AddMemberModalProps {
  open: boolean;
  onClose(): void;
  organizationId: string;
  roles: readonly MembershipRole[];
}

export function AddMemberModal({ open, onClose, organizationId, roles }: AddMemberModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddMemberForm>();
  const [failure, setFailure] = useState<string | null>(null);
  const { mutate: create, mutation } = useCreate<MemberRow>();
  const isPending = mutation.isPending;

  const close = () => {
    form.resetFields();
    setFailure(null);
    onClose();
  };

  const onFinish = (values: AddMemberForm) => {
    setFailure(null);
    create(
      {
        resource: 'members',
        values: { login: values.login.trim(), role: values.role },
        meta: { path: membersPath(organizationId) },
        successNotification: false,
        errorNotification: false,
      },
      {
        onSuccess: ({ data }) => {
          void message.success(t('members.added', { name: data.displayName }));
          close();
        },
        onError: (error) => {
          // `already_member` names no field; it is about the login typed.
          if (!applyProblemToForm(form, error, { already_member: 'login' })) setFailure(problemMessage(error));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('members.addTitle')}
      okText={t('members.submit')}
      cancelText={t('buttons.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={isPending}
      destroyOnHidden
      forceRender
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="add-member-error" />}
      <Form<AddMemberForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        initialValues={{ role: roles.includes('staff') ? 'staff' : roles[roles.length - 1] }}
      >
        <Form.Item
          name="login"
          label={t('members.login')}
          extra={t('members.loginHelp')}
          rules={[{ required: true, whitespace: true, message: t('members.loginRequired') }]}
        >
          <Input placeholder={t('members.loginPlaceholder')} autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('members.role')} rules={[{ required: true, message: t('members.roleRequired') }]}>
          <Select<MembershipRole> options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
