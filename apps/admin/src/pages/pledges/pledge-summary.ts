import type { TFunction } from 'i18next';
import type { Locale, PledgeView } from '@kindred/contracts';
import { formatMoney } from '../../i18n/formatters';

/** "¥500.00", or "冬衣 5 件、书包 2 个" for goods. */
export function pledgeSummary(pledge: Pick<PledgeView, 'kind' | 'pledgedFen' | 'lines'>, t: TFunction, locale: Locale): string {
  if (pledge.kind === 'money') return formatMoney(pledge.pledgedFen ?? 0, locale);
  return pledge.lines
    .map((line) => t('pledges.lineSummary', { name: line.name, quantity: line.quantity, unit: line.unit }))
    .join(t('common.listSeparator'));
}
