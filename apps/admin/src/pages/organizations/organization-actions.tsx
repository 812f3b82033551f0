import { useCustomMutation, useInvalidate } from '@refinedev/core';
import { CheckCircleOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationView } from '@kindred/contracts';
import { problemMessage } from '../../i18n/problem-messages';

type StatusAction = 'verify' | 'suspend';

/** Platform administrators' verify (or reinstate) and suspend, each behind a confirmation. */
export function OrganizationActions({
  organization,
  size = 'small',
}: {
  organization: Pick<OrganizationView, 'id' | 'name' | 'status'>;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const invalidate = useInvalidate();
  const { mutate, mutation } = useCustomMutation<OrganizationView>();
  const pending = mutation.isPending ? mutation.variables?.meta?.action : undefined;
  const { id, name, status } = organization;

  const run = (action: StatusAction) =>
    mutate(
      {
        url: `organizations/${id}/${action}`,
        method: 'post',
        values: {},
        meta: { action },
        successNotification: false,
        errorNotification: false,
      },
      {
        onSuccess: () => {
          void message.success(t(action === 'verify' ? 'organizations.actions.verified' : 'organizations.actions.suspended', { name }));
          // The live event refreshes too; this covers a dropped connection.
          void invalidate({ resource: 'organizations', invalidates: ['list', 'detail'], id });
        },
        onError: (error) => notification.error({ message: t('organizations.actions.failed'), description: problemMessage(error) }),
      },
    );

  return (
    <Space size="small" wrap>
      {status !== 'verified' && (
        <Popconfirm
          title={t(status === 'suspended' ? 'organizations.actions.reinstateConfirm' : 'organizations.actions.verifyConfirm', { name })}
          description={t('organizations.actions.verifyConfirmHint')}
          okText={t(status === 'suspended' ? 'organizations.actions.reinstate' : 'organizations.actions.verify')}
          cancelText={t('buttons.cancel')}
          onConfirm={() => run('verify')}
        >
          <Button
            size={size}
            type="primary"
            icon={<CheckCircleOutlined />}
            loading={pending === 'verify'}
            data-testid="verify-organization"
          >
            {t(status === 'suspended' ? 'organizations.actions.reinstate' : 'organizations.actions.verify')}
          </Button>
        </Popconfirm>
      )}
      {status !== 'suspended' && (
        <Popconfirm
          title={t('organizations.actions.suspendConfirm', { name })}
          description={t('organizations.actions.suspendConfirmHint')}
          okText={t('organizations.actions.suspend')}
          okButtonProps={{ danger: true }}
          cancelText={t('buttons.cancel')}
          onConfirm={() => run('suspend')}
        >
          <Button size={size} danger icon={<StopOutlined />} loading={pending === 'suspend'} data-testid="suspend-organization">
            {t('organizations.actions.suspend')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
