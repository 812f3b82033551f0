import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Modal, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ConcernStatusView, ConcernView } from '@kindred/contracts';
import { useApiAction } from '../../api/use-api-action';
import { useEndpoint, useEndpointMutation } from '../../api/use-endpoint';
import { concernAlerts } from '../../components/concern-alert';
import { PageHeader } from '../../components/page-header';
import { problemCode, problemMessage } from '../../i18n/problem-messages';
import { ConcernDecisionForm } from './concern-decision-form';
import { ConcernStatusTag, StatutoryTag, formatDateTime } from './concern-labels';

function isFullView(view: ConcernView | ConcernStatusView): view is ConcernView {
  return 'description' in view;
}

/**
 * A concern: in full with acknowledge, the report decision and close for the NGO's owners and
 * coordinators; its status only for the reporter. Opening it clears its live alert.
 */
export function ConcernPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const concern = useEndpoint('concern', id ? { params: { concernId: id } } : null, { live: ['concerns'] });
  const call = useEndpointMutation();
  const { run, pending } = useApiAction();
  const [closing, setClosing] = useState(false);
  const [closeError, setCloseError] = useState<string | null>(null);
  const [outcomeForm] = Form.useForm<{ outcome: string }>();

  useEffect(() => {
    if (id) concernAlerts.dismiss(id);
  }, [id]);

  if (concern.isLoading) return <Skeleton active />;
  if (concern.isError || !concern.data) return <Result status="warning" title={problemMessage(concern.error)} />;
  const view = concern.data;

  const header = (
    <PageHeader
      title={
        <Space wrap>
          {t(`concerns.categories.${view.category}`)}
          <ConcernStatusTag status={view.status} />
        </Space>
      }
      subtitle={formatDateTime(view.createdAt)}
    />
  );

  if (!isFullView(view)) {
    return (
      <>
        {header}
        <Alert type="info" showIcon message={t('concerns.detail.statusOnly')} style={{ marginBottom: 16 }} />
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('concerns.detail.acknowledgedAt')}>{formatDateTime(view.acknowledgedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('concerns.detail.closedAt')}>{formatDateTime(view.closedAt)}</Descriptions.Item>
        </Descriptions>
      </>
    );
  }

  const refresh = () => void concern.refetch();
  const acknowledge = async () => {
    const done = await run('acknowledge', () => call('acknowledgeConcern', { params: { concernId: view.id }, body: {} }), {
      success: t('concerns.detail.acknowledged'),
    });
    if (done) {
      concernAlerts.dismiss(view.id);
      refresh();
    }
  };
  const close = async ({ outcome }: { outcome: string }) => {
    setCloseError(null);
    const done = await run('close', () => call('closeConcern', { params: { concernId: view.id }, body: { outcome: outcome.trim() } }), {
      success: t('concerns.detail.closed'),
      onError: (error) => {
        // 409 report_decision_required (and any other refusal) stays in the dialog, next to the decision it asks for.
        setCloseError(problemMessage(error));
        return problemCode(error) !== undefined;
      },
    });
    if (done) {
      setClosing(false);
      refresh();
    }
  };

  const decision = view.reportDecision;
  return (
    <>
      {header}
      <Flex vertical gap={16}>
        {view.overdue && <Alert type="error" showIcon message={`${t('concerns.queue.overdue')} · ${formatDateTime(view.ackDueAt)}`} />}
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('concerns.queue.category')}>
              <Space size={4} wrap>
                {t(`concerns.categories.${view.category}`)}
                {view.statutory && <StatutoryTag />}
                {view.immediateDanger && <Tag color="red">{t('concerns.queue.immediateDanger')}</Tag>}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('concerns.queue.child')}>
              {view.childId && view.childAlias ? (
                <Link to={`/children/${view.childId}`}>{view.childAlias}</Link>
              ) : (
                t('concerns.queue.unregistered')
              )}
            </Descriptions.Item>
            {view.childDescription && (
              <Descriptions.Item label={t('concerns.detail.childDescription')} span={2}>
                {view.childDescription}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('concerns.detail.description')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{view.description}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('concerns.detail.location')}>{view.location ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('concerns.detail.occurredAt')}>{formatDateTime(view.occurredAt)}</Descriptions.Item>
            <Descriptions.Item label={t('concerns.detail.deadline')}>
              <Typography.Text type={view.overdue ? 'danger' : undefined}>{formatDateTime(view.ackDueAt)}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('concerns.detail.acknowledgedAt')}>{formatDateTime(view.acknowledgedAt)}</Descriptions.Item>
            {view.status === 'closed' && (
              <>
                <Descriptions.Item label={t('concerns.detail.closedAt')}>{formatDateTime(view.closedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('concerns.detail.outcome')}>{view.outcome ?? '—'}</Descriptions.Item>
              </>
            )}
          </Descriptions>
          <Space wrap style={{ marginTop: 16 }}>
            {view.status === 'open' && (
              <Button
                type="primary"
                danger
                loading={pending === 'acknowledge'}
                onClick={() => void acknowledge()}
                data-testid="acknowledge"
              >
                {t('concerns.detail.acknowledge')}
              </Button>
            )}
            {view.status !== 'closed' && (
              <Button onClick={() => setClosing(true)} data-testid="open-close">
                {t('concerns.detail.close')}
              </Button>
            )}
          </Space>
        </Card>
        <Card title={t('concerns.detail.decision')}>
          {decision && (
            <Alert
              type={decision.reportedToAuthorities ? 'success' : 'info'}
              style={{ marginBottom: 16 }}
              message={
                decision.reportedToAuthorities
                  ? `${t('concerns.detail.reported')}: ${decision.authority ?? ''}${decision.reference ? ` (${decision.reference})` : ''}`
                  : `${t('concerns.detail.notReported')}: ${decision.reason ?? ''}`
              }
              description={formatDateTime(decision.decidedAt)}
            />
          )}
          {!decision && <Typography.Paragraph type="secondary">{t('concerns.detail.noDecision')}</Typography.Paragraph>}
          {view.status !== 'closed' && <ConcernDecisionForm concern={view} onSaved={refresh} />}
        </Card>
      </Flex>
      <Modal
        open={closing}
        title={t('concerns.detail.closeTitle')}
        okText={t('concerns.detail.close')}
        okButtonProps={{ loading: pending === 'close', htmlType: 'submit', form: 'close-concern' }}
        onCancel={() => {
          setClosing(false);
          setCloseError(null);
        }}
        destroyOnHidden
      >
        {closeError && (
          <Alert type="error" showIcon role="alert" message={closeError} style={{ marginBottom: 16 }} data-testid="close-error" />
        )}
        <Form id="close-concern" form={outcomeForm} layout="vertical" requiredMark={false} onFinish={(values) => void close(values)}>
          <Form.Item
            name="outcome"
            label={t('concerns.detail.outcome')}
            rules={[{ required: true, whitespace: true, message: t('concerns.raise.required') }, { max: 4000 }]}
          >
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
