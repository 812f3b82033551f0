import { Card, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CoverageView } from '@kindred/contracts';
import { formatMoney } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';

/** How much of a need's money target and goods lines is pledged, received and used. */
export function NeedCoverageCard({ coverage }: { coverage: CoverageView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card title={t('needs.coverage.title')} data-testid="coverage-card">
      {coverage.money.targetFen !== null && (
        <Flex vertical gap={4} style={{ marginBottom: 16 }}>
          <Typography.Text>
            {t('needs.coverage.money', {
              pledged: formatMoney(coverage.money.pledgedFen, locale),
              received: formatMoney(coverage.money.receivedFen, locale),
              used: formatMoney(coverage.money.usedFen, locale),
              target: formatMoney(coverage.money.targetFen, locale),
            })}
          </Typography.Text>
          <Progress
            percent={Math.min(100, Math.round(coverage.money.pledgedPercent ?? 0))}
            success={{ percent: Math.min(100, Math.round(coverage.money.receivedPercent ?? 0)) }}
          />
        </Flex>
      )}
      {coverage.items.map((item) => (
        <Flex key={item.itemId} vertical gap={2} style={{ marginBottom: 8 }}>
          <Typography.Text>
            {t('needs.coverage.line', {
              name: item.name,
              needed: item.needed,
              pledged: item.pledged,
              received: item.received,
              used: item.used,
              unit: item.unit,
            })}
          </Typography.Text>
          <Progress
            percent={Math.min(100, Math.round(item.pledgedPercent ?? 0))}
            success={{ percent: Math.min(100, Math.round(item.receivedPercent ?? 0)) }}
            size="small"
          />
        </Flex>
      ))}
    </Card>
  );
}
