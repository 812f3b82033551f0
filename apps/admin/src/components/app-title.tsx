import { ThemedTitle, type RefineLayoutThemedTitleProps } from '@refinedev/antd';
import { HeartOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export function AppTitle({ collapsed }: RefineLayoutThemedTitleProps) {
  const { t } = useTranslation();
  return <ThemedTitle collapsed={collapsed} text={t('app.name')} icon={<HeartOutlined />} />;
}
