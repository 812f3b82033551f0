import type { ConfigProviderProps } from 'antd';
// The ES builds: `antd/locale/*` are CommonJS re-exports whose default the production bundle
// wraps once more, so the date pickers and tables fell back to English.
import enUS from 'antd/es/locale/en_US';
import zhCNAntd from 'antd/es/locale/zh_CN';
import type { Locale } from '@kindred/contracts';

export const ANTD_LOCALES: Record<Locale, NonNullable<ConfigProviderProps['locale']>> = {
  'zh-CN': zhCNAntd,
  en: enUS,
};
