import { Card, Flex, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ChildTimelineEntry } from '@kindred/contracts';
import type { EndpointQueryResult } from '../../api/use-endpoint';
import { EmptyState, ErrorState } from '../../components/list-states';
import { formatDate } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';

const COLORS: Record<ChildTimelineEntry['kind'], string> = {
  service: 'blue',
  assessment: 'purple',
  category_change: 'orange',
  consent: 'green',
  exit: 'gray',
  registered: 'cyan',
};

// Codes the summaries carry, tried in this order; anything else is shown as written.
const CODE_LISTS = ['serviceKinds', 'assessmentKinds', 'categories', 'exitReasons', 'consentScopes', 'consentMethods', 'riskLevels'];

function codeLabel(t: TFunction, value: string, i18nExists: (key: string) => boolean): string {
  for (const list of CODE_LISTS) if (i18nExists(`children.${list}.${value}`)) return t(`children.${list}.${value}`);
  return value;
}

/** The readable parts of an entry's summary: codes translated, lists of codes split, flags named. */
export function summaryParts(entry: ChildTimelineEntry, t: TFunction, exists: (key: string) => boolean): string[] {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(entry.summary)) {
    if (value === null || value === '' || key === 'id' || key.endsWith('Id') || key === 'recordedBy') continue;
    if (typeof value === 'boolean') {
      if (key === 'concern' && value) parts.push(t('children.assessment.concern'));
      continue;
    }
    if (typeof value === 'number') {
      parts.push(key === 'score' ? `${t('children.assessment.score')}: ${value}` : `${key}: ${value}`);
      continue;
    }
    // A comma list of codes (e.g. categories) is translated piece by piece; free text stays as written.
    const pieces = value.split(',').map((v) => v.trim());
    const allCodes = pieces.every((v) => codeLabel(t, v, exists) !== v);
    const translated = allCodes ? pieces.map((v) => codeLabel(t, v, exists)).join(t('common.listSeparator')) : value;
    parts.push(key === 'from' ? `${translated} →` : translated);
  }
  return parts;
}

/** Services, visits, assessments, category changes, consent and exit, newest first. */
export function ChildTimeline({ timeline }: { timeline: EndpointQueryResult<ChildTimelineEntry[]> }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  const entries = [...(timeline.data ?? [])].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const exists = (key: string) => i18n.exists(key);

  return (
    <Card title={t('children.file.timeline')} data-testid="child-timeline" loading={timeline.isLoading}>
      {timeline.isError ? (
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title={t('children.file.timelineEmpty')} />
      ) : (
        <Timeline
          items={entries.map((entry) => ({
            key: `${entry.kind}-${entry.id}`,
            color: COLORS[entry.kind],
            children: (
              <Flex vertical gap={2}>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text type="secondary">{formatDate(entry.at, locale)}</Typography.Text>
                  <Tag color={COLORS[entry.kind]}>{t(`children.timeline.${entry.kind}`)}</Tag>
                </Flex>
                <Typography.Text>{summaryParts(entry, t, exists).join(' · ')}</Typography.Text>
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}
