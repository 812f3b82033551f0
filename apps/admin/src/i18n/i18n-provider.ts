import type { I18nProvider } from '@refinedev/core';
import type { i18n as I18n } from 'i18next';

export function createI18nProvider(instance: I18n): I18nProvider {
  return {
    translate: (key: string, options?: unknown, defaultMessage?: string) => {
      // Refine sometimes passes the default message in the options slot.
      const fallback = typeof options === 'string' ? options : defaultMessage;
      const values = options !== null && typeof options === 'object' ? (options as Record<string, unknown>) : {};
      return instance.t(key, { ...values, defaultValue: fallback ?? key });
    },
    changeLocale: (locale: string) => instance.changeLanguage(locale),
    getLocale: () => instance.resolvedLanguage ?? instance.language,
  };
}
