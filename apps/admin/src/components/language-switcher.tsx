import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@kindred/contracts';
import { currentLocale, setLocale } from '../i18n/i18n';

export function LanguageSwitcher() {
  const { t } = useTranslation();
  return (
    <Segmented<Locale>
      aria-label={t('language.label')}
      size="small"
      value={currentLocale()}
      options={LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
      onChange={(locale) => void setLocale(locale)}
    />
  );
}
