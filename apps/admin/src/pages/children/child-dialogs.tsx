import { useEffect, useState } from 'react';
import { useUpdate } from '@refinedev/core';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  ASSESSMENT_KINDS,
  EXIT_REASONS,
  LIVING_ARRANGEMENTS,
  RISK_LEVELS,
  SOCIAL_ASSISTANCE,
  type AssessmentKind,
  type ChildCategory,
  type ChildView,
  type ExitReason,
  type LivingArrangement,
  type RiskLevel,
  type SocialAssistance,
} from '@kindred/contracts';
import { CategoryGroups } from '../../components/children/category-groups';
import { useEndpointMutation } from '../../api/use-endpoint';
import { applyProblemToForm, problemCode, problemMessage } from '../../i18n/problem-messages';

const DATE = 'YYYY-MM-DD';
const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');

interface DialogProps {
  child: ChildView;
  open: boolean;
  onClose(): void;
  onDone(): void;
}

interface ExitValues {
  reason: ExitReason;
  date: Dayjs;
}

/** `POST /children/{id}/exit`: the file is kept, the child leaves the visit schedule. */
export function ExitDialog({ child, open, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const [form] = Form.useForm<ExitValues>();
  const call = useEndpointMutation();
  const [pending, setPending] = useState(false);

  const submit = async (values: ExitValues) => {
    setPending(true);
    try {
      await call('exitChild', { params: { childId: child.id }, body: { reason: values.reason, date: values.date.format(DATE) } });
      void message.success(t('children.exit.done'));
      onDone();
    } catch (error) {
      if (!applyProblemToForm(form, error)) notification.error({ message: t('actions.failed'), description: problemMessage(error) });
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('children.exit.title')}
      okText={t('children.exit.confirm')}
      okButtonProps={{ danger: true, loading: pending }}
      cancelText={t('buttons.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Alert type="info" showIcon message={t('children.exit.hint')} style={{ marginBottom: 16 }} />
      <Form<ExitValues> form={form} layout="vertical" initialValues={{ date: dayjs() }} onFinish={(v) => void submit(v)}>
        <Form.Item name="reason" label={t('children.exit.reason')} rules={[{ required: true, message: t('children.required') }]}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={EXIT_REASONS.map((r) => ({ value: r, label: t(`children.exitReasons.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="date" label={t('children.exit.date')} rules={[{ required: true, message: t('children.required') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface AssessmentValues {
  kind: AssessmentKind;
  date: Dayjs;
  score: number;
  concern: boolean;
}

/** `POST /children/{id}/assessments`: an academic score or a wellbeing screening, 0–100. */
export function AssessmentDialog({ child, open, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const [form] = Form.useForm<AssessmentValues>();
  const call = useEndpointMutation();
  const [pending, setPending] = useState(false);

  const submit = async (values: AssessmentValues) => {
    setPending(true);
    try {
      await call('recordChildAssessment', {
        params: { childId: child.id },
        body: { kind: values.kind, date: values.date.format(DATE), score: values.score, concern: values.concern },
      });
      void message.success(t('children.assessment.saved'));
      form.resetFields();
      onDone();
    } catch (error) {
      if (!applyProblemToForm(form, error)) notification.error({ message: t('actions.failed'), description: problemMessage(error) });
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('children.assessment.title')}
      okText={t('buttons.save')}
      okButtonProps={{ loading: pending }}
      cancelText={t('buttons.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<AssessmentValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'academic', date: dayjs(), concern: false }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="kind" label={t('children.assessment.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={ASSESSMENT_KINDS.map((k) => ({ value: k, label: t(`children.assessmentKinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="date" label={t('children.assessment.date')} rules={[{ required: true, message: t('children.required') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
        </Form.Item>
        <Form.Item name="score" label={t('children.assessment.score')} rules={[{ required: true, message: t('children.required') }]}>
          <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="concern" label={t('children.assessment.concern')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface EditValues {
  categories: ChildCategory[];
  categoryChangeReason?: string;
  riskLevel: RiskLevel;
  livingArrangement?: LivingArrangement | null;
  socialAssistance: SocialAssistance;
  schoolName?: string;
  grade?: string;
}

/**
 * `PATCH /children/{id}` with the version read (a stale file answers 409 and is re-read). A change of
 * categories goes into the history with its reason.
 */
export function EditDialog({ child, open, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const { mutateAsync, mutation } = useUpdate<ChildView>();
  const categories = Form.useWatch('categories', form);
  const categoriesChanged = categories !== undefined && [...categories].sort().join() !== [...child.categories].sort().join();

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      categories: child.categories,
      categoryChangeReason: undefined,
      riskLevel: child.riskLevel,
      livingArrangement: child.livingArrangement,
      socialAssistance: child.socialAssistance,
      schoolName: child.schoolName ?? undefined,
      grade: child.grade ?? undefined,
    });
  }, [open, child, form]);

  const submit = async (values: EditValues) => {
    const changed = [...values.categories].sort().join() !== [...child.categories].sort().join();
    try {
      await mutateAsync({
        resource: 'children',
        id: child.id,
        values: {
          version: child.version,
          ...(changed ? { categories: values.categories, categoryChangeReason: values.categoryChangeReason?.trim() || undefined } : {}),
          riskLevel: values.riskLevel,
          livingArrangement: values.livingArrangement ?? null,
          socialAssistance: values.socialAssistance,
          schoolName: values.schoolName?.trim() || null,
          grade: values.grade?.trim() || null,
        },
        successNotification: false,
        errorNotification: false,
      });
      void message.success(t('children.edit.saved'));
      onDone();
    } catch (error) {
      if (problemCode(error) === 'conflict' || (error as { statusCode?: number }).statusCode === 412) {
        notification.warning({ message: t('children.edit.conflict') });
        onDone();
        return;
      }
      if (!applyProblemToForm(form, error)) notification.error({ message: t('actions.failed'), description: problemMessage(error) });
    }
  };

  return (
    <Modal
      open={open}
      width={720}
      title={t('children.edit.title')}
      okText={t('buttons.save')}
      okButtonProps={{ loading: mutation.isPending }}
      cancelText={t('buttons.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Form<EditValues> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="categories"
          label={t('children.form.categories')}
          rules={[{ required: true, type: 'array', min: 1, message: t('children.form.categoriesRequired') }]}
        >
          <CategoryGroups />
        </Form.Item>
        {categoriesChanged && (
          <Form.Item
            name="categoryChangeReason"
            label={t('children.edit.categoryChangeReason')}
            extra={t('children.edit.categoryChangeReasonHelp')}
            rules={[{ required: true, whitespace: true, message: t('children.required') }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
        <Form.Item name="riskLevel" label={t('children.edit.riskLevel')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={RISK_LEVELS.map((r) => ({ value: r, label: t(`children.riskLevels.${r}`) }))} />
        </Form.Item>
        <Form.Item name="livingArrangement" label={t('children.file.livingArrangement')}>
          <Select allowClear options={LIVING_ARRANGEMENTS.map((l) => ({ value: l, label: t(`children.livingArrangements.${l}`) }))} />
        </Form.Item>
        <Form.Item name="socialAssistance" label={t('children.file.socialAssistance')}>
          <Radio.Group
            optionType="button"
            options={SOCIAL_ASSISTANCE.map((s) => ({ value: s, label: t(`children.socialAssistance.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="schoolName" label={t('children.file.school')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="grade" label={t('children.file.grade')}>
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
