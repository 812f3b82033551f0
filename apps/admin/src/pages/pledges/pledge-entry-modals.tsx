import { useRef, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Typography, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { EvidenceView, PledgeView } from '@kindred/contracts';
import { useApiAction } from '../../api/use-api-action';
import { useEndpointMutation } from '../../api/use-endpoint';
import { formatMoney } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { applyProblemToForm, problemMessage } from '../../i18n/problem-messages';
import { newIdempotencyKey } from '../../lib/idempotency';
import { fenToYuan, yuanToFen } from '../../lib/money';
import { linesToSend, openFen, openLines } from '../../lib/pledge-math';

interface EntryValues {
  amountYuan?: string;
  quantities?: Record<string, number | null>;
  receiptNumber?: string;
  receivedAt?: Dayjs;
  description?: string;
  beneficiaryCount?: number;
  usedAt?: Dayjs;
  placeRegionCode?: string;
}

export interface PledgeEntryModalProps {
  pledge: PledgeView;
  step: 'receipt' | 'usage';
  open: boolean;
  onClose(): void;
  onSaved(): void;
}

const EVIDENCE_TYPES = 'image/jpeg,image/png,image/webp,application/pdf';

/**
 * Records that the NGO received all or part of a pledge (`receipt`), or what it was used for, for how
 * many children and where, with photos as evidence (`usage`). Each submit carries its own Idempotency-Key.
 */
export function PledgeEntryModal({ pledge, step, open, onClose, onSaved }: PledgeEntryModalProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [form] = Form.useForm<EntryValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [files, setFiles] = useState<UploadFile<EvidenceView>[]>([]);
  const { run, pending } = useApiAction();
  const call = useEndpointMutation();
  // One key per attempt of the same entry: a retry after a lost answer is not recorded twice.
  const key = useRef(newIdempotencyKey());
  const lines = openLines(pledge, step);
  const remainingFen = openFen(pledge, step);
  const uploading = files.some((f) => f.status === 'uploading');

  const close = () => {
    form.resetFields();
    setFiles([]);
    setFailure(null);
    key.current = newIdempotencyKey();
    onClose();
  };

  const onFinish = async (values: EntryValues) => {
    setFailure(null);
    const lines = linesToSend(values.quantities ?? {});
    const amount = pledge.kind === 'money' ? { amountFen: yuanToFen(values.amountYuan ?? '') ?? 0 } : { lines };
    if (pledge.kind === 'goods' && lines.length === 0) {
      setFailure(t('pledgeEntry.nothingEntered'));
      return;
    }
    const body =
      step === 'receipt'
        ? { ...amount, receiptNumber: values.receiptNumber?.trim() || undefined, receivedAt: values.receivedAt?.toISOString() }
        : {
            ...amount,
            description: values.description?.trim(),
            beneficiaryCount: values.beneficiaryCount ?? 0,
            usedAt: (values.usedAt ?? dayjs()).toISOString(),
            placeRegionCode: values.placeRegionCode?.trim() || undefined,
            evidenceIds: files.filter((f) => f.status === 'done' && f.response).map((f) => (f.response as EvidenceView).id),
          };
    const saved = await run(
      'save',
      () =>
        call(step === 'receipt' ? 'recordReceipt' : 'recordUsage', {
          params: { pledgeId: pledge.id },
          body,
          idempotencyKey: key.current,
        }),
      {
        success: step === 'receipt' ? t('pledgeEntry.received') : t('pledgeEntry.used'),
        onError: (error) => {
          if (!applyProblemToForm(form, error)) setFailure(problemMessage(error));
          return true;
        },
      },
    );
    if (saved) {
      onSaved();
      close();
    }
  };

  const upload = async (file: File): Promise<EvidenceView> => {
    const data = new FormData();
    data.append('file', file, file.name);
    return call('uploadEvidence', { query: { organizationId: pledge.organizationId }, body: data });
  };

  return (
    <Modal
      open={open}
      title={step === 'receipt' ? t('pledgeEntry.receiveTitle') : t('pledgeEntry.useTitle')}
      okText={step === 'receipt' ? t('pledgeEntry.receiveSubmit') : t('pledgeEntry.useSubmit')}
      cancelText={t('buttons.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={pending === 'save'}
      okButtonProps={{ disabled: uploading, 'data-testid': `save-${step}` }}
      destroyOnHidden
      forceRender
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="entry-error" />}
      <Form<EntryValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void onFinish(v)}
        initialValues={{
          amountYuan: pledge.kind === 'money' && remainingFen > 0 ? String(fenToYuan(remainingFen)) : undefined,
          quantities: Object.fromEntries(lines.map((l) => [l.itemId, l.open])),
          usedAt: dayjs(),
          beneficiaryCount: 1,
        }}
        data-testid={`${step}-form`}
      >
        {pledge.kind === 'money' ? (
          <Form.Item
            name="amountYuan"
            label={t('pledgeEntry.amount')}
            extra={t('pledgeEntry.amountOpen', { amount: formatMoney(remainingFen, locale) })}
            rules={[
              { required: true, message: t('money.required') },
              {
                validator: (_r, value: string | undefined) => {
                  const fen = yuanToFen(value ?? '');
                  if (fen === null || fen <= 0) return Promise.reject(new Error(t('money.invalid')));
                  if (fen > remainingFen)
                    return Promise.reject(new Error(t('pledgeEntry.tooMuch', { amount: formatMoney(remainingFen, locale) })));
                  return Promise.resolve();
                },
              },
            ]}
          >
            <Input prefix="¥" inputMode="decimal" />
          </Form.Item>
        ) : (
          lines.map((line) => (
            <Form.Item
              key={line.itemId}
              name={['quantities', line.itemId]}
              label={line.name}
              extra={t('pledgeEntry.quantityOpen', { quantity: line.open, unit: line.unit })}
              rules={[{ type: 'number', max: line.open, message: t('pledgeEntry.tooMany', { quantity: line.open, unit: line.unit }) }]}
            >
              <InputNumber min={0} max={line.open} precision={0} addonAfter={line.unit} style={{ width: '100%' }} aria-label={line.name} />
            </Form.Item>
          ))
        )}
        {step === 'receipt' ? (
          <>
            <Form.Item name="receiptNumber" label={t('pledgeEntry.receiptNumber')} extra={t('pledgeEntry.receiptNumberHelp')}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="receivedAt" label={t('pledgeEntry.receivedAt')}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs())}
              />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item
              name="description"
              label={t('pledgeEntry.description')}
              rules={[{ required: true, whitespace: true, message: t('pledgeEntry.descriptionRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={1000} placeholder={t('pledgeEntry.descriptionPlaceholder')} />
            </Form.Item>
            <Form.Item
              name="beneficiaryCount"
              label={t('pledgeEntry.beneficiaryCount')}
              rules={[{ required: true, message: t('pledgeEntry.beneficiaryCountRequired') }]}
            >
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="usedAt" label={t('pledgeEntry.usedAt')} rules={[{ required: true, message: t('pledgeEntry.usedAtRequired') }]}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs())}
              />
            </Form.Item>
            <Form.Item
              name="placeRegionCode"
              label={t('pledgeEntry.place')}
              extra={t('pledgeEntry.placeHelp')}
              rules={[{ pattern: /^\d{6}(\d{3})?$/, message: t('needs.form.regionCodeFormat') }]}
            >
              <Input inputMode="numeric" maxLength={9} />
            </Form.Item>
            <Form.Item label={t('pledgeEntry.evidence')} extra={t('pledgeEntry.evidenceHelp')}>
              <Upload<EvidenceView>
                listType="picture-card"
                accept={EVIDENCE_TYPES}
                multiple
                fileList={files}
                onChange={({ fileList }) => setFiles(fileList)}
                customRequest={({ file, onSuccess, onError }) => {
                  upload(file as File).then(
                    (evidence) => onSuccess?.(evidence),
                    (error: unknown) => {
                      setFailure(problemMessage(error));
                      onError?.(error instanceof Error ? error : new Error(String(error)));
                    },
                  );
                }}
                data-testid="evidence-upload"
              >
                <div>
                  <PlusOutlined />
                  <div style={{ marginTop: 8 }}>{t('pledgeEntry.addEvidence')}</div>
                </div>
              </Upload>
              {uploading && <Typography.Text type="secondary">{t('pledgeEntry.uploading')}</Typography.Text>}
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
