import { useMemo, useState } from 'react';
import { useDelete, useList, useUpdate, type HttpError } from '@refinedev/core';
import { DeleteOutlined, LogoutOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ROLES_BY_KIND, type MembershipRole, type OrganizationKind } from '@kindred/contracts';
import { ExportExcelButton } from '../../components/export-excel-button';
import { EmptyState, ErrorState } from '../../components/list-states';
import type { ExportColumn } from '../../export/xlsx-export';
import { formatDate } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { problemCode, problemMessage } from '../../i18n/problem-messages';
import { useSession } from '../../session/use-session';
import { AddMemberModal } from './add-member-modal';
import { membersPath, type MemberRow } from './members';

export interface MembersCardProps {
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  /** Owners of the organisation and platform administrators. */
  canManage: boolean;
}

/**
 * Members and roles. The list is the `members` resource, so `membership.changed` events
 * (channel `resources/members`) refresh it live.
 */
export function MembersCard({ organizationId, organizationName, organizationKind, canManage }: MembersCardProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const { message, modal, notification } = App.useApp();
  const { me, refresh } = useSession();
  const [adding, setAdding] = useState(false);
  const meta = { path: membersPath(organizationId) };

  const { result, query } = useList<MemberRow>({ resource: 'members', pagination: { mode: 'off' }, meta });
  const members = result.data;
  const { mutate: update, mutation: updating } = useUpdate<MemberRow>();
  const { mutate: remove, mutation: removal } = useDelete<MemberRow>();
  const roles = ROLES_BY_KIND[organizationKind];

  const showFailure = (error: HttpError) => {
    // The last owner cannot step down or leave: say why and what to do instead.
    if (problemCode(error) === 'last_owner') {
      modal.warning({ title: t('members.lastOwnerTitle'), content: problemMessage(error), okText: t('states.gotIt') });
    } else {
      notification.error({ message: t('members.actionFailed'), description: problemMessage(error) });
    }
  };

  const changeRole = (member: MemberRow, role: MembershipRole) =>
    update(
      {
        resource: 'members',
        id: member.userId,
        values: { role },
        meta,
        mutationMode: 'pessimistic',
        successNotification: false,
        errorNotification: false,
      },
      {
        onSuccess: () => {
          void message.success(t('members.roleChanged', { name: member.displayName, role: t(`roles.${role}`) }));
          if (member.userId === me?.id) void refresh();
        },
        onError: showFailure,
      },
    );

  const removeMember = (member: MemberRow) => {
    const leaving = member.userId === me?.id;
    remove(
      {
        resource: 'members',
        id: member.userId,
        meta,
        mutationMode: 'pessimistic',
        successNotification: false,
        errorNotification: false,
      },
      {
        onSuccess: () => {
          void message.success(leaving ? t('members.left') : t('members.removed', { name: member.displayName }));
          if (leaving) {
            void refresh();
            void navigate('/');
          }
        },
        onError: showFailure,
      },
    );
  };

  const columns: ColumnsType<MemberRow> = [
    {
      title: t('members.columns.displayName'),
      dataIndex: 'displayName',
      render: (name: string, member) => (
        <Flex gap={4} align="center" wrap>
          <Typography.Text>{name}</Typography.Text>
          {member.userId === me?.id && <Tag color="blue">{t('members.you')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('members.columns.role'),
      dataIndex: 'role',
      render: (role: MembershipRole, member) =>
        canManage ? (
          <Select<MembershipRole>
            aria-label={t('members.role')}
            size="small"
            style={{ minWidth: 150 }}
            value={role}
            disabled={updating.isPending}
            onChange={(next) => changeRole(member, next)}
            options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            data-testid={`role-select-${member.userId}`}
          />
        ) : (
          <Tag>{t(`roles.${role}`)}</Tag>
        ),
    },
    {
      title: t('members.columns.joinedAt'),
      dataIndex: 'joinedAt',
      render: (value: string) => formatDate(value, locale),
    },
    {
      title: t('members.columns.actions'),
      key: 'actions',
      render: (_value, member) => {
        const self = member.userId === me?.id;
        if (!canManage && !self) return null;
        return (
          <Popconfirm
            title={self ? t('members.leaveConfirm', { name: organizationName }) : t('members.removeConfirm', { name: member.displayName })}
            description={self ? undefined : t('members.removeConfirmHint')}
            okText={self ? t('members.leave') : t('members.remove')}
            okButtonProps={{ danger: true }}
            cancelText={t('buttons.cancel')}
            onConfirm={() => removeMember(member)}
          >
            <Button
              size="small"
              danger
              icon={self ? <LogoutOutlined /> : <DeleteOutlined />}
              loading={removal.isPending && removal.variables?.id === member.userId}
              data-testid={`remove-member-${member.userId}`}
            >
              {self ? t('members.leave') : t('members.remove')}
            </Button>
          </Popconfirm>
        );
      },
    },
  ];

  const exportColumns = useMemo<ExportColumn<MemberRow>[]>(
    () => [
      { header: t('members.columns.displayName'), value: (m) => m.displayName },
      { header: t('members.columns.role'), value: (m) => t(`roles.${m.role}`) },
      { header: t('members.columns.joinedAt'), value: (m) => new Date(m.joinedAt) },
    ],
    [t],
  );

  return (
    <Card
      title={t('members.title')}
      extra={
        <Flex gap={8} wrap justify="flex-end">
          <ExportExcelButton
            fileName={`${organizationName}-${t('members.exportName')}`}
            sheetName={t('members.exportName')}
            columns={exportColumns}
            rows={members}
            size="small"
          />
          {canManage && (
            <Button size="small" type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="add-member">
              {t('members.add')}
            </Button>
          )}
        </Flex>
      }
      data-testid="members-card"
    >
      {!canManage && <Alert type="info" showIcon message={t('members.readOnlyHint')} style={{ marginBottom: 16 }} />}
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<MemberRow>
          rowKey="userId"
          dataSource={members}
          columns={columns}
          loading={query.isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: <EmptyState title={t('members.empty')} hint={canManage ? t('members.emptyHint') : undefined} />,
          }}
        />
      )}
      {canManage && <AddMemberModal open={adding} onClose={() => setAdding(false)} organizationId={organizationId} roles={roles} />}
    </Card>
  );
}
