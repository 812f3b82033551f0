import type { ReactNode } from 'react';
import { EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MatchShiftView } from '@kindred/contracts';
import type { CardNeed, ShownReason } from '../lib/matches';
import { formatMoney, formatTimeRange } from '../i18n/formatters';
import { currentLocale } from '../i18n/i18n';
import { NeedTypeTag } from './status-tags';

export interface NeedCardProps {
  need: CardNeed;
  reasons?: readonly ShownReason[];
  score?: number | null;
  /** The shift a recommendation proposes. */
  shift?: MatchShiftView | null;
  action: ReactNode;
  skillLabel?: (code: string) => string;
}

/** A need as a card: one column on a phone, what it is, where, for whom, and why it was suggested. */
export function NeedCard({ need, reasons = [], score, shift, action, skillLabel }: NeedCardProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card size="small" data-testid={`need-card-${need.id}`} data-title={need.title}>
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="start" gap={8}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {need.title}
          </Typography.Text>
          {typeof score === 'number' && <Tag color="gold">{t('matches.score', { score: Math.round(score * (score <= 1 ? 100 : 1)) })}</Tag>}
        </Flex>
        <Space size={4} wrap>
          <NeedTypeTag type={need.type} />
          {need.childContact && <Tag color="purple">{t('matches.childContact')}</Tag>}
          {need.organizationName && <Typography.Text type="secondary">{need.organizationName}</Typography.Text>}
        </Space>
        <Space size={12} wrap>
          <Typography.Text type="secondary">
            <EnvironmentOutlined /> {need.regionCode}
            {typeof need.distanceKm === 'number' && ` · ${t('matches.distance', { km: need.distanceKm.toFixed(1) })}`}
          </Typography.Text>
          {need.beneficiaryCount > 0 && (
            <Typography.Text type="secondary">
              <TeamOutlined /> {t('matches.beneficiaries', { count: need.beneficiaryCount })}
            </Typography.Text>
          )}
          {need.startsAt && need.endsAt && (
            <Typography.Text type="secondary">{formatTimeRange(need.startsAt, need.endsAt, locale)}</Typography.Text>
          )}
          {need.targetFen !== null && (
            <Typography.Text type="secondary">{t('matches.target', { amount: formatMoney(need.targetFen, locale) })}</Typography.Text>
          )}
        </Space>
        {shift && (
          <Flex gap={8} align="center" wrap data-testid="match-shift">
            <Typography.Text strong>{formatTimeRange(shift.startsAt, shift.endsAt, locale)}</Typography.Text>
            <Tag color={shift.full ? 'orange' : 'green'}>
              {shift.full ? t('matches.fullWaitlist') : t('signup.capacity', { capacity: shift.capacity })}
            </Tag>
          </Flex>
        )}
        {skillLabel && need.requiredSkills.length > 0 && (
          <Space size={4} wrap>
            {need.requiredSkills.map((s) => (
              <Tag key={s}>{skillLabel(s)}</Tag>
            ))}
          </Space>
        )}
        {reasons.length > 0 && (
          <Flex vertical gap={2} data-testid="match-reasons">
            <Typography.Text type="secondary">{t('matches.why')}</Typography.Text>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {reasons.map((reason, index) => (
                <li key={`${reason.factor}-${index}`}>
                  <Typography.Text>{reason.text}</Typography.Text>
                </li>
              ))}
            </ul>
          </Flex>
        )}
        <Flex justify="flex-end" gap={8} wrap>
          {action}
        </Flex>
      </Flex>
    </Card>
  );
}
