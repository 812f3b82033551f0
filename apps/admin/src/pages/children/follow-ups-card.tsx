import { Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FollowUpView, Page } from '@kindred/contracts';
import { useChildrenGet } from '../../components/children/children-data';
import { formatDate } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';

/** The child's long-term one-to-one pairings, with a flag when contact is overdue. */
export function FollowUpsCard({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const answer = useChildrenGet<Page<FollowUpView> | FollowUpView[]>(`children/${childId}/follow-ups`);
  const rows = Array.isArray(answer.data) ? answer.data : (answer.data?.data ?? []);
  if (answer.isError || rows.length === 0) return null;
  return (
    <Card title={t('children.followUps.title')} data-testid="child-follow-ups">
      <List
        size="small"
        dataSource={rows}
        renderItem={(pairing) => (
          <List.Item key={pairing.id}>
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>{pairing.displayName}</Typography.Text>
              <Tag>{t(`children.followUps.roles.${pairing.role}`)}</Tag>
              <Typography.Text type="secondary">
                {t('children.followUps.every', { days: pairing.contactEveryDays })} ·{' '}
                {t('children.followUps.lastContact', { date: formatDate(pairing.lastContactOn, locale) })}
              </Typography.Text>
              {pairing.endedOn && <Tag>{t('children.followUps.ended', { date: formatDate(pairing.endedOn, locale) })}</Tag>}
              {pairing.contactOverdue && !pairing.endedOn && <Tag color="red">{t('children.followUps.overdue')}</Tag>}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
