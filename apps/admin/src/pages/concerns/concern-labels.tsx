import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConcernStatus } from '@kindred/contracts';
import { formatDate } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';

const STATUS_COLORS: Record<ConcernStatus, string> = { open: 'red', acknowledged: 'gold', closed: 'default' };

export function ConcernStatusTag({ status }: { status: ConcernStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`concerns.statuses.${status}`)}</Tag>;
}

/** 强制报告: the category obliges a police-report decision before closing. */
export function StatutoryTag() {
  const { t } = useTranslation();
  return <Tag color="volcano">{t('concerns.raise.statutory')}</Tag>;
}

/** A moment in the reader's language, to the minute. */
export function formatDateTime(value: string | null | undefined): string {
  return formatDate(value, currentLocale(), { withTime: true });
}
