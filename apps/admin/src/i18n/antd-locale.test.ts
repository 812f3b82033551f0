import { describe, expect, it } from 'vitest';
import { ANTD_LOCALES } from './antd-locale';

describe('antd locales', () => {
  it('should hand Ant Design the locale objects themselves, so pickers and tables speak Chinese', () => {
    expect(ANTD_LOCALES['zh-CN'].locale).toBe('zh-cn');
    expect(ANTD_LOCALES['zh-CN'].DatePicker?.lang.rangePlaceholder).toEqual(['开始日期', '结束日期']);
    expect(ANTD_LOCALES.en.locale).toBe('en');
  });
});
