import { CheckCircleOutlined, GiftOutlined, InboxOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Image, Steps, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrailEvent, TrailEventType, TrailView } from '@kindred/contracts';
import { formatDate, formatMoney } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { sortTrail, trailSteps } from '../../lib/pledge-math';

const ICONS: Record<TrailEventType, ReactNode> = {
  pledged: <GiftOutlined />,
  received: <InboxOutlined />,
  used: <CheckCircleOutlined />,
  receipt_reversed: <RollbackOutlined />,
  usage_reversed: <RollbackOutlined />,
  cancelled: <StopOutlined />,
};

const COLORS: Record<TrailEventType, string> = {
  pledged: 'orange',
  received: 'blue',
  used: 'green',
  receipt_reversed: 'gray',
  usage_reversed: 'gray',
  cancelled: 'red',
};

function EventBody({ event }: { event: TrailEvent }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const what =
    event.amountFen !== null && event.amountFen !== undefined
      ? formatMoney(event.amountFen, locale)
      : (event.lines ?? [])
          .map((l) => t('pledges.lineSummary', { name: l.name, quantity: l.quantity, unit: l.unit }))
          .join(t('common.listSeparator'));
  const images = (event.evidence ?? []).filter((e) => e.contentType.startsWith('image/'));
  const documents = (event.evidence ?? []).filter((e) => !e.contentType.startsWith('image/'));
  return (
    <Flex vertical gap={4} data-testid={`trail-${event.type}`}>
      <Typography.Text strong>
        {t(`trail.events.${event.type}`, { defaultValue: event.type })} · {formatDate(event.at, locale, { withTime: true })}
      </Typography.Text>
      {what && <Typography.Text>{what}</Typography.Text>}
      {event.receiptNumber && (
        <Typography.Text type="secondary">{t('trail.receiptNumber', { number: event.receiptNumber })}</Typography.Text>
      )}
      {event.description && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{event.description}</Typography.Paragraph>}
      {event.beneficiaryCount !== null && event.beneficiaryCount !== undefined && (
        <Typography.Text type="secondary">{t('trail.beneficiaries', { count: event.beneficiaryCount })}</Typography.Text>
      )}
      {event.placeRegionCode && <Typography.Text type="secondary">{t('trail.place', { code: event.placeRegionCode })}</Typography.Text>}
      {event.reason && <Typography.Text type="secondary">{t('trail.reason', { reason: event.reason })}</Typography.Text>}
      {images.length > 0 && (
        <Image.PreviewGroup>
          <Flex gap={8} wrap>
            {images.map((image) => (
              <Image
                key={image.id}
                src={image.url}
                width={120}
                height={120}
                style={{ objectFit: 'cover', borderRadius: 6 }}
                alt={t('trail.evidenceAlt')}
                data-testid="evidence-image"
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      {documents.map((doc) => (
        <a key={doc.id} href={doc.url} target="_blank" rel="noreferrer">
          {t('trail.evidenceDocument')}
        </a>
      ))}
    </Flex>
  );
}

/** Pledged → received → used, as steps and as a timeline with the evidence photos of each use. */
export function PledgeTrail({ trail }: { trail: TrailView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const events = sortTrail(trail.events);
  const steps = trailSteps(events);
  const current = steps.used ? 2 : steps.received ? 1 : 0;

  return (
    <Card title={t('trail.title')} data-testid="pledge-trail">
      <Steps
        size="small"
        current={current}
        status={trail.status === 'cancelled' ? 'error' : steps.used ? 'finish' : 'process'}
        items={[{ title: t('trail.steps.pledged') }, { title: t('trail.steps.received') }, { title: t('trail.steps.used') }]}
        style={{ marginBottom: 24 }}
      />
      {trail.kind === 'money' ? (
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Tag>{t('trail.totals.pledged', { amount: formatMoney(trail.pledgedFen ?? 0, locale) })}</Tag>
          <Tag color="blue">{t('trail.totals.received', { amount: formatMoney(trail.receivedFen ?? 0, locale) })}</Tag>
          <Tag color="green">{t('trail.totals.used', { amount: formatMoney(trail.usedFen ?? 0, locale) })}</Tag>
        </Flex>
      ) : (
        <Flex vertical gap={4} style={{ marginBottom: 16 }}>
          {(trail.lines ?? []).map((line) => (
            <Typography.Text key={line.itemId}>
              {t('trail.lineTotals', { name: line.name, pledged: line.pledged, received: line.received, used: line.used, unit: line.unit })}
            </Typography.Text>
          ))}
        </Flex>
      )}
      {events.length === 0 ? (
        <Empty description={t('trail.empty')} />
      ) : (
        <Timeline
          items={events.map((event, index) => ({
            key: `${event.type}-${index}`,
            color: COLORS[event.type] ?? 'blue',
            dot: ICONS[event.type],
            children: <EventBody event={event} />,
          }))}
        />
      )}
    </Card>
  );
}
