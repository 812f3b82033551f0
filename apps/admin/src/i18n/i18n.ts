import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { LOCALES, type Locale } from '@kindred/contracts';
import { zhCN } from './locales/zh-cn';
import { en } from './locales/en';
import { childrenEn } from './locales/children.en';
import { childrenZhCN } from './locales/children.zh-cn';
import { concernsEn } from './locales/concerns.en';
import { concernsZhCN } from './locales/concerns.zh-cn';

export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_STORAGE_KEY = 'kindred.locale';

const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export const i18n = i18next.createInstance();

function applyLocale(locale: Locale): void {
  dayjs.locale(DAYJS_LOCALES[locale]);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: { ...zhCN, children: childrenZhCN, concerns: concernsZhCN } },
    en: { translation: { ...en, children: childrenEn, concerns: concernsEn } },
  },
  lng: storedLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

applyLocale(currentLocale());

i18n.on('languageChanged', (language) => {
  if (!isLocale(language)) return;
  applyLocale(language);
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, language);
  } catch {
    // storage may be unavailable (private mode); the choice then lasts for this page only
  }
});

export function currentLocale(): Locale {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

export async function setLocale(locale: Locale): Promise<void> {
  await i18n.changeLanguage(locale);
}
