import { Checkbox, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { categoryGroup, IN_DIFFICULTY_CATEGORIES, LEFT_BEHIND_CATEGORIES, type ChildCategory } from '@kindred/contracts';

export interface CategoryGroupsProps {
  id?: string;
  value?: ChildCategory[];
  onChange?: (value: ChildCategory[]) => void;
}

/** The two groups of categories side by side (留守 / 困境); a child may hold codes of both. Used as a form control. */
export function CategoryGroups({ id, value = [], onChange }: CategoryGroupsProps) {
  const { t } = useTranslation();
  const groups = [
    { key: 'left_behind', codes: LEFT_BEHIND_CATEGORIES },
    { key: 'in_difficulty', codes: IN_DIFFICULTY_CATEGORIES },
  ] as const;
  const change = (group: 'left_behind' | 'in_difficulty', chosen: ChildCategory[]) =>
    onChange?.([...value.filter((c) => categoryGroup(c) !== group), ...chosen]);

  return (
    <Row gutter={16} id={id}>
      {groups.map((group) => (
        <Col xs={24} md={12} key={group.key} data-testid={`category-group-${group.key}`}>
          <Typography.Text strong>{t(`children.groups.${group.key}`)}</Typography.Text>
          <Checkbox.Group<ChildCategory>
            style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }}
            value={value.filter((c) => categoryGroup(c) === group.key)}
            onChange={(chosen) => change(group.key, chosen)}
            options={group.codes.map((c) => ({ value: c, label: t(`children.categories.${c}`) }))}
          />
        </Col>
      ))}
    </Row>
  );
}
