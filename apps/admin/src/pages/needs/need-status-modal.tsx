import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NeedStatus, NeedView } from '@kindred/contracts';
import { useApiAction } from '../../api/use-api-action';
import { useEndpointMutation } from '../../api/use-endpoint';
import { problemMessage } from '../../i18n/problem-messages';
import { statusChoices } from '../../lib/need-status';

interface StatusFormValues {
  status: NeedStatus;
  reason?: string;
}

/** Moves a need along the transition table; cancelling asks why (volunteers signed up are told). */
export function NeedStatusModal({
  need,
  open,
  onClose,
  onChanged,
}: {
  need: NeedView;
  open: boolean;
  onClose(): void;
  onChanged(need: NeedView): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StatusFormValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const { run, pending } = useApiAction();
  const call = useEndpointMutation();
  const status = Form.useWatch('status', form);
  const choices = statusChoices(need.status);

  const close = () => {
    form.resetFields();
    setFailure(null);
    onClose();
  };

  const onFinish = async (values: StatusFormValues) => {
    setFailure(null);
    const changed = await run(
      'status',
      () =>
        call('changeNeedStatus', {
          params: { needId: need.id },
          body: { status: values.status, ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}) },
        }),
      {
        success: (result) => t('needs.status.changed', { status: t(`needStatuses.${result.status}`) }),
        onError: (error) => {
          setFailure(problemMessage(error));
          return true;
        },
      },
    );
    if (changed) {
      onChanged(changed);
      close();
    }
  };

  return (
    <Modal
      open={open}
      title={t('needs.status.title')}
      okText={t('needs.status.submit')}
      okButtonProps={{ danger: status === 'cancelled' }}
      cancelText={t('buttons.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={pending === 'status'}
      destroyOnHidden
      forceRender
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Form<StatusFormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void onFinish(v)}
        initialValues={{ status: choices[0] }}
      >
        <Form.Item name="status" label={t('needs.status.to')} rules={[{ required: true }]}>
          <Select<NeedStatus> options={choices.map((s) => ({ value: s, label: t(`needStatuses.${s}`) }))} />
        </Form.Item>
        {status && (
          <Alert
            type={status === 'cancelled' ? 'warning' : 'info'}
            showIcon
            message={t(`needs.status.hints.${status}`)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form.Item
          name="reason"
          label={t('needs.status.reason')}
          rules={status === 'cancelled' ? [{ required: true, whitespace: true, message: t('needs.status.reasonRequired') }] : []}
        >
          <Input.TextArea rows={3} placeholder={t('needs.status.reasonPlaceholder')} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
