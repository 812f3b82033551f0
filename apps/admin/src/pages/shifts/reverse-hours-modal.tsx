import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RosterRow } from '@kindred/contracts';
import { useApiAction } from '../../api/use-api-action';
import { useEndpointMutation } from '../../api/use-endpoint';

/** Reverses a verified hour record of the roster, with the reason the API requires. */
export function ReverseHoursModal({ row, onClose, onReversed }: { row: RosterRow | null; onClose(): void; onReversed(): void }) {
  const { t } = useTranslation();
  const { run, pending } = useApiAction();
  const call = useEndpointMutation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={row !== null}
      title={t('hours.reverseTitle', { name: row?.displayName ?? '' })}
      okText={t('hours.reverse')}
      okButtonProps={{ danger: true }}
      cancelText={t('buttons.cancel')}
      confirmLoading={pending === 'reverse'}
      onOk={() => form.submit()}
      onCancel={() => {
        onClose();
        form.resetFields();
      }}
      destroyOnHidden
      forceRender
    >
      <Alert type="info" showIcon message={t('hours.reverseHint')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={({ reason }) => {
          const recordId = row?.hourRecord?.id;
          if (!recordId) return;
          void run('reverse', () => call('reverseHours', { params: { recordId }, body: { reason: reason.trim() } }), {
            success: t('hours.reversed'),
          }).then((result) => {
            if (result) {
              onClose();
              form.resetFields();
              onReversed();
            }
          });
        }}
      >
        <Form.Item
          name="reason"
          label={t('hours.reverseReason')}
          rules={[{ required: true, whitespace: true, message: t('hours.reverseReasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
