import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { categoryGroup, type AgeBand, type ChildCategory, type RiskLevel } from '@kindred/contracts';

const RISK_COLORS: Record<RiskLevel, string> = { low: 'green', medium: 'orange', high: 'red' };

/** Left-behind categories in blue, in-difficulty ones in purple. */
export function CategoryTags({ categories }: { categories: readonly ChildCategory[] }) {
  const { t } = useTranslation();
  if (categories.length === 0) return <>—</>;
  return (
    <Space size={[0, 4]} wrap>
      {categories.map((c) => (
        <Tag key={c} color={categoryGroup(c) === 'left_behind' ? 'blue' : 'purple'}>
          {t(`children.categories.${c}`)}
        </Tag>
      ))}
    </Space>
  );
}

export function AgeBandTag({ ageBand }: { ageBand: AgeBand }) {
  const { t } = useTranslation();
  return <Tag>{t(`children.ageBands.${ageBand}`)}</Tag>;
}

export function RiskTag({ level }: { level: RiskLevel }) {
  const { t } = useTranslation();
  return <Tag color={RISK_COLORS[level]}>{t(`children.riskLevels.${level}`)}</Tag>;
}
