import type { ConfigProviderProps } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import type { Locale } from '@kindred/contracts';

export const ANTD_LOCALES: Record<Locale, NonNullable<ConfigProviderProps['locale']>> = {
  'zh-CN': zhCNAntd,
  en: enUS,
};
