import { useState } from 'react';
import { useOne } from '@refinedev/core';
import { CheckCircleOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { NeedView } from '@kindred/contracts';
import { useEndpoint } from '../../api/use-endpoint';
import { ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { PledgeStatusTag } from '../../components/status-tags';
import { formatDate } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { openFen, openLines } from '../../lib/pledge-math';
import { canAccess } from '../../navigation/access';
import { useSession } from '../../session/use-session';
import { PledgeEntryModal } from './pledge-entry-modals';
import { pledgeSummary } from './pledge-summary';
import { PledgeTrail } from './pledge-trail';

export function PledgeShowPage() {
  const { id = '' } = useParams<{ id: string }>();
  return <PledgeShow key={id} id={id} />;
}

/**
 * One pledge and its trail, for the donor, the company it was given for and the receiving NGO; the
 * NGO's owners and coordinators record receipts and uses here. Refreshed live by pledge events.
 */
function PledgeShow({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { access, memberships } = useSession();
  const [entry, setEntry] = useState<'receipt' | 'usage' | null>(null);
  const pledge = useEndpoint('pledge', id ? { params: { pledgeId: id } } : null, { live: ['pledges'] });
  const trail = useEndpoint('pledgeTrail', id ? { params: { pledgeId: id } } : null, { live: ['pledges'] });
  const needId = pledge.data?.needId ?? '';
  const { result: need } = useOne<NeedView>({ resource: 'needs', id: needId, queryOptions: { enabled: needId !== '' } });

  if (pledge.isError) return <ErrorState error={pledge.error} onRetry={() => void pledge.refetch()} />;
  if (!pledge.data) return <Skeleton active />;
  const p = pledge.data;
  const membership = memberships.find((m) => m.organizationId === p.organizationId) ?? null;
  const canRecord = canAccess('ngoCoordinator', { ...access, membership }) && p.status !== 'cancelled';
  const canReceive = canRecord && (p.kind === 'money' ? openFen(p, 'receipt') > 0 : openLines(p, 'receipt').some((l) => l.open > 0));
  const canUse = canRecord && (p.kind === 'money' ? openFen(p, 'usage') > 0 : openLines(p, 'usage').some((l) => l.open > 0));
  const refresh = () => {
    void pledge.refetch();
    void trail.refetch();
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('pledges.show.title', { what: pledgeSummary(p, t, locale) })}
        subtitle={
          <Space size={8} wrap>
            <PledgeStatusTag status={p.status} />
            {need && (membership ? <Link to={`/needs/${need.id}`}>{need.title}</Link> : <Typography.Text>{need.title}</Typography.Text>)}
          </Space>
        }
        extra={
          canRecord && (
            <>
              <Button icon={<InboxOutlined />} disabled={!canReceive} onClick={() => setEntry('receipt')} data-testid="record-receipt">
                {t('pledges.show.receive')}
              </Button>
              <Button
                type="primary"
                icon={<CheckCircleOutlined />}
                disabled={!canUse}
                onClick={() => setEntry('usage')}
                data-testid="record-usage"
              >
                {t('pledges.show.use')}
              </Button>
            </>
          )
        }
      />
      <Card>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('pledges.columns.kind')}>{t(`pledgeKinds.${p.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('pledges.columns.createdAt')}>
            {formatDate(p.createdAt, locale, { withTime: true })}
          </Descriptions.Item>
          <Descriptions.Item label={t('pledges.columns.onBehalfOf')}>
            {p.onBehalfOf ? t('pledges.show.forCompany') : t('pledges.show.personal')}
          </Descriptions.Item>
          {p.note && <Descriptions.Item label={t('pledges.columns.note')}>{p.note}</Descriptions.Item>}
          {p.cancelReason && <Descriptions.Item label={t('pledges.columns.cancelReason')}>{p.cancelReason}</Descriptions.Item>}
        </Descriptions>
        {canRecord && !canReceive && !canUse && p.status !== 'used' && (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('pledges.show.nothingOpen')}
          </Typography.Paragraph>
        )}
      </Card>
      {trail.isError ? (
        <ErrorState error={trail.error} onRetry={() => void trail.refetch()} />
      ) : trail.data ? (
        <PledgeTrail trail={trail.data} />
      ) : (
        <Skeleton active />
      )}
      {entry && <PledgeEntryModal pledge={p} step={entry} open onClose={() => setEntry(null)} onSaved={refresh} />}
    </Flex>
  );
}
