import { useMemo, useState } from 'react';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiAction } from '../../api/use-api-action';
import { useEndpoint, useEndpointMutation } from '../../api/use-endpoint';
import { currentLocale } from '../../i18n/i18n';
import { reasonText } from '../../lib/matches';
import { problemMessage } from '../../i18n/problem-messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface InviteValues {
  userId: string;
  message?: string;
}

/**
 * Invites a volunteer to a shift; accepting signs them up by the same rules as anyone. The matching
 * service's candidates for the shift are offered by name, best first, with why.
 */
export function InviteModal({
  shiftId,
  needId,
  open,
  onClose,
  exclude,
}: {
  shiftId: string;
  needId: string;
  open: boolean;
  onClose(): void;
  exclude: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<InviteValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const { run, pending } = useApiAction();
  const call = useEndpointMutation();
  const locale = currentLocale();
  const known = useEndpoint('needCandidates', open ? { params: { needId }, query: { shiftId, limit: 30 } } : null);

  const options = useMemo(
    () =>
      (known.data?.data ?? [])
        .filter((c) => !exclude.has(c.userId))
        .map((c) => ({
          value: c.userId,
          label: `${c.displayName} · ${Math.round(c.score)}`,
          reasons: c.reasons
            .slice(0, 3)
            .map((r) => reasonText(r, locale))
            .join(t('common.sentenceSeparator')),
        })),
    [known.data, exclude, locale, t],
  );

  const close = () => {
    form.resetFields();
    setFailure(null);
    onClose();
  };

  const onFinish = async (values: InviteValues) => {
    setFailure(null);
    const sent = await run(
      'invite',
      () =>
        call('invite', {
          params: { shiftId },
          body: { userId: values.userId.trim(), ...(values.message?.trim() ? { message: values.message.trim() } : {}) },
        }),
      {
        success: t('roster.invite.sent'),
        onError: (error) => {
          setFailure(problemMessage(error));
          return true;
        },
      },
    );
    if (sent) close();
  };

  return (
    <Modal
      open={open}
      title={t('roster.invite.title')}
      okText={t('roster.invite.submit')}
      cancelText={t('buttons.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={pending === 'invite'}
      destroyOnHidden
      forceRender
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Form<InviteValues> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void onFinish(v)}>
        <Form.Item
          name="userId"
          label={t('roster.invite.volunteer')}
          extra={t('roster.invite.volunteerHelp')}
          rules={[
            { required: true, message: t('roster.invite.volunteerRequired') },
            { pattern: UUID, message: t('roster.invite.volunteerInvalid') },
          ]}
        >
          <Select
            showSearch
            loading={known.isLoading}
            options={options}
            optionFilterProp="label"
            optionRender={(option) => (
              <div>
                <div>{option.data.label}</div>
                {option.data.reasons && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
                    {option.data.reasons}
                  </Typography.Text>
                )}
              </div>
            )}
            notFoundContent={
              <Typography.Text type="secondary">{known.isLoading ? t('loading') : t('roster.invite.noneKnown')}</Typography.Text>
            }
            // A user ID pasted from elsewhere is accepted as it is.
            onSearch={(text) => {
              if (UUID.test(text.trim())) form.setFieldsValue({ userId: text.trim() });
            }}
          />
        </Form.Item>
        <Form.Item name="message" label={t('roster.invite.message')}>
          <Input.TextArea rows={3} maxLength={500} placeholder={t('roster.invite.messagePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
