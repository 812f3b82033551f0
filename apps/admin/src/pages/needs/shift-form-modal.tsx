import { useState } from 'react';
import { Alert, Checkbox, Col, DatePicker, Form, InputNumber, Modal, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ShiftsCreatedView } from '@kindred/contracts';
import { useApiAction } from '../../api/use-api-action';
import { useEndpointMutation } from '../../api/use-endpoint';
import { applyProblemToForm, problemMessage } from '../../i18n/problem-messages';
import { beijingWeekday, buildRrule, type RepeatFrequency } from '../../lib/recurrence';

interface ShiftFormValues {
  startsAt: Dayjs;
  endsAt: Dayjs;
  capacity: number;
  repeat: RepeatFrequency;
  weekdays?: number[];
  until?: Dayjs;
}

const REPEATS: readonly RepeatFrequency[] = ['none', 'daily', 'weekly', 'biweekly', 'monthly'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const DATE_TIME = 'YYYY-MM-DD HH:mm';

export interface ShiftFormModalProps {
  needId: string;
  open: boolean;
  onClose(): void;
  onCreated(result: ShiftsCreatedView): void;
}

/** One shift, or a series by a repeat rule (expanded by the API in Beijing time, at most 200). */
export function ShiftFormModal({ needId, open, onClose, onCreated }: ShiftFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ShiftFormValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const { run, pending } = useApiAction();
  const call = useEndpointMutation();
  const repeat = Form.useWatch('repeat', form) ?? 'none';

  const close = () => {
    form.resetFields();
    setFailure(null);
    onClose();
  };

  const onValuesChange = (changed: Partial<ShiftFormValues>, all: ShiftFormValues) => {
    // A new start carries the end along (two hours by default, or the length already chosen).
    if (changed.startsAt && (!all.endsAt || !all.endsAt.isAfter(changed.startsAt))) {
      form.setFieldsValue({ endsAt: changed.startsAt.add(2, 'hour') });
    }
  };

  const onFinish = async (values: ShiftFormValues) => {
    setFailure(null);
    const weekdays = values.weekdays?.length ? values.weekdays : [beijingWeekday(values.startsAt.toDate())];
    const rrule = buildRrule({ frequency: values.repeat, weekdays });
    const body = {
      startsAt: values.startsAt.second(0).millisecond(0).toISOString(),
      endsAt: values.endsAt.second(0).millisecond(0).toISOString(),
      capacity: values.capacity,
      ...(rrule && values.until ? { rrule, until: values.until.format('YYYY-MM-DD') } : {}),
    };
    const created = await run('create', () => call('createShifts', { params: { needId }, body }), {
      success: (result) => t('shifts.form.created', { count: result.data.length }),
      onError: (error) => {
        if (!applyProblemToForm(form, error)) setFailure(problemMessage(error));
        return true;
      },
    });
    if (created) {
      onCreated(created);
      close();
    }
  };

  return (
    <Modal
      open={open}
      title={t('shifts.form.title')}
      okText={t('shifts.form.submit')}
      cancelText={t('buttons.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={pending === 'create'}
      okButtonProps={{ 'data-testid': 'save-shift' }}
      destroyOnHidden
      forceRender
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="shift-form-error" />}
      <Form<ShiftFormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void onFinish(values)}
        onValuesChange={onValuesChange}
        initialValues={{ capacity: 4, repeat: 'none' }}
        data-testid="shift-form"
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="startsAt"
              label={t('shifts.form.startsAt')}
              rules={[{ required: true, message: t('shifts.form.startsAtRequired') }]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME} style={{ width: '100%' }} data-testid="shift-starts-at" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="endsAt"
              label={t('shifts.form.endsAt')}
              dependencies={['startsAt']}
              rules={[
                { required: true, message: t('shifts.form.endsAtRequired') },
                ({ getFieldValue }) => ({
                  validator: (_rule, value: Dayjs | undefined) => {
                    const start = getFieldValue('startsAt') as Dayjs | undefined;
                    return !value || !start || value.isAfter(start)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('shifts.form.endsAtAfterStart')));
                  },
                }),
              ]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME} style={{ width: '100%' }} data-testid="shift-ends-at" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item
              name="capacity"
              label={t('shifts.form.capacity')}
              extra={t('shifts.form.capacityHelp')}
              rules={[{ required: true, message: t('shifts.form.capacityRequired') }]}
            >
              <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="repeat" label={t('shifts.form.repeat')}>
              <Select<RepeatFrequency> options={REPEATS.map((r) => ({ value: r, label: t(`shifts.repeat.${r}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        {(repeat === 'weekly' || repeat === 'biweekly') && (
          <Form.Item name="weekdays" label={t('shifts.form.weekdays')} extra={t('shifts.form.weekdaysHelp')}>
            <Checkbox.Group options={WEEKDAYS.map((d) => ({ value: d, label: t(`weekdays.${d}`) }))} />
          </Form.Item>
        )}
        {repeat !== 'none' && (
          <Form.Item
            name="until"
            label={t('shifts.form.until')}
            extra={t('shifts.form.untilHelp')}
            rules={[{ required: true, message: t('shifts.form.untilRequired') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Typography.Text type="secondary">{t('shifts.form.timeZoneHint')}</Typography.Text>
      </Form>
    </Modal>
  );
}
