import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Form, InputNumber, List, Modal, Popconfirm, Select, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_ROLES, type FollowUpRole } from '@kindred/contracts';
import type { CreateFollowUpBody } from '../../api/endpoints';
import { useApiAction } from '../../api/use-api-action';
import { useEndpoint, useEndpointMutation } from '../../api/use-endpoint';
import { formatDate } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { applyProblemToForm } from '../../i18n/problem-messages';

interface PairingValues {
  userId?: string;
  role?: FollowUpRole;
  contactEveryDays?: number;
  startedOn?: Dayjs | null;
}

/** The body of `POST /children/{id}/follow-ups` from the form. */
export function followUpBody(values: PairingValues): CreateFollowUpBody {
  const body: CreateFollowUpBody = {
    userId: values.userId ?? '',
    role: values.role ?? 'social_worker',
    contactEveryDays: values.contactEveryDays ?? 30,
  };
  if (values.startedOn) body.startedOn = values.startedOn.format('YYYY-MM-DD');
  return body;
}

/** The child's long-term one-to-one pairings, with a flag when contact is overdue; owners and coordinators pair and end. */
export function FollowUpsCard({
  childId,
  organizationId,
  canManage = false,
}: {
  childId: string;
  organizationId?: string;
  canManage?: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const answer = useEndpoint('childFollowUps', { params: { childId } });
  const call = useEndpointMutation();
  const { run, pending } = useApiAction();
  const [adding, setAdding] = useState(false);
  const rows = answer.data?.data ?? [];
  if (answer.isError || (rows.length === 0 && !canManage)) return null;

  const end = async (followUpId: string) => {
    const done = await run(`end-${followUpId}`, () => call('endFollowUp', { params: { childId, followUpId }, body: {} }), {
      success: t('children.followUps.endedOk'),
    });
    if (done) void answer.refetch();
  };

  return (
    <Card
      title={t('children.followUps.title')}
      data-testid="child-follow-ups"
      extra={
        canManage &&
        organizationId && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-follow-up">
            {t('children.followUps.add')}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={rows}
        locale={{ emptyText: t('children.followUps.empty') }}
        renderItem={(pairing) => (
          <List.Item
            key={pairing.id}
            actions={
              canManage && !pairing.endedOn
                ? [
                    <Popconfirm
                      key="end"
                      title={t('children.followUps.endConfirm')}
                      onConfirm={() => void end(pairing.id)}
                      okButtonProps={{ danger: true }}
                    >
                      <Button size="small" loading={pending === `end-${pairing.id}`} data-testid={`end-follow-up-${pairing.id}`}>
                        {t('children.followUps.end')}
                      </Button>
                    </Popconfirm>,
                  ]
                : undefined
            }
          >
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>{pairing.displayName}</Typography.Text>
              <Tag>{t(`children.followUps.roles.${pairing.role}`)}</Tag>
              <Typography.Text type="secondary">
                {t('children.followUps.every', { days: pairing.contactEveryDays })} ·{' '}
                {t('children.followUps.lastContact', { date: formatDate(pairing.lastContactOn, locale) })}
              </Typography.Text>
              {pairing.endedOn && <Tag>{t('children.followUps.ended', { date: formatDate(pairing.endedOn, locale) })}</Tag>}
              {pairing.contactOverdue && !pairing.endedOn && <Tag color="red">{t('children.followUps.overdue')}</Tag>}
            </Flex>
          </List.Item>
        )}
      />
      {adding && organizationId && (
        <PairingModal
          childId={childId}
          organizationId={organizationId}
          onClose={(saved) => {
            setAdding(false);
            if (saved) void answer.refetch();
          }}
        />
      )}
    </Card>
  );
}

/**
 * Pairs the child with a member of the NGO (its members list; the API also accepts a volunteer with a
 * valid safeguarding check, by user id, and refuses one without: `safeguarding_required`).
 */
function PairingModal({ childId, organizationId, onClose }: { childId: string; organizationId: string; onClose(saved: boolean): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PairingValues>();
  const members = useEndpoint('organizationMembers', { params: { organizationId } });
  const call = useEndpointMutation();
  const { run, pending } = useApiAction();
  const required = { required: true, message: t('children.followUps.required') };

  const submit = async (values: PairingValues) => {
    const saved = await run('pair', () => call('createFollowUp', { params: { childId }, body: followUpBody(values) }), {
      success: t('children.followUps.saved'),
      onError: (error) => applyProblemToForm(form, error),
    });
    if (saved) onClose(true);
  };

  return (
    <Modal
      open
      title={t('children.followUps.add')}
      okText={t('children.followUps.save')}
      okButtonProps={{ htmlType: 'submit', form: 'follow-up-form', loading: pending === 'pair' }}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form<PairingValues>
        id="follow-up-form"
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ role: 'social_worker', contactEveryDays: 30 }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="userId" label={t('children.followUps.user')} rules={[required]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={members.isLoading}
            aria-label={t('children.followUps.user')}
            options={(members.data ?? []).map((m) => ({ value: m.userId, label: m.displayName }))}
          />
        </Form.Item>
        <Form.Item name="role" label={t('children.followUps.role')} rules={[required]}>
          <Select
            aria-label={t('children.followUps.role')}
            options={FOLLOW_UP_ROLES.map((role) => ({ value: role, label: t(`children.followUps.roles.${role}`) }))}
          />
        </Form.Item>
        <Form.Item name="contactEveryDays" label={t('children.followUps.contactEveryDays')} rules={[required]}>
          <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} aria-label={t('children.followUps.contactEveryDays')} />
        </Form.Item>
        <Form.Item name="startedOn" label={t('children.followUps.startedOn')}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
      </Form>
    </Modal>
  );
}
