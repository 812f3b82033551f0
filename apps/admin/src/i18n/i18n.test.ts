import { describe, expect, it } from 'vitest';
import { en } from './locales/en';
import { zhCN } from './locales/zh-cn';
import { LOCALE_STORAGE_KEY, currentLocale, i18n, setLocale } from './i18n';
import { createI18nProvider } from './i18n-provider';

function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('i18n', () => {
  it('should default to Simplified Chinese and remember a switch to English', async () => {
    expect(currentLocale()).toBe('zh-CN');
    expect(i18n.t('login.fields.login')).toBe('账号 (手机号或邮箱)');

    await setLocale('en');
    expect(i18n.t('login.fields.login')).toBe('Account (phone or e-mail)');
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    await setLocale('zh-CN');
  });

  it('should offer the same keys in both languages', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('should translate Refine keys with interpolation and fall back to the default message', () => {
    const provider = createI18nProvider(i18n);
    expect(provider.translate('buttons.save')).toBe('保存');
    expect(provider.translate('notifications.createSuccess', { resource: '需求' })).toBe('需求 创建成功');
    expect(provider.translate('no.such.key', undefined, 'Fallback')).toBe('Fallback');
  });
});
