import { randomBytes } from 'node:crypto';
import { maskIdNumber, renderCertificateHtml, verificationCode, type CertificateDocument } from './certificate.document';

const doc: CertificateDocument = {
  number: 'KC-2026-000042',
  verificationCode: 'AB12CD34',
  volunteerName: '李思雨',
  volunteerNumber: 'KV2026000007',
  idType: '居民身份证',
  idNumberMasked: maskIdNumber('430524199001011234'),
  issuerName: '隆回县留守儿童关爱服务中心',
  personInCharge: '罗建国',
  handler: '王芳',
  contact: null,
  issuedAt: '2026-12-20',
  totalMinutes: 390,
  activities: [
    { date: '2026-12-05', title: '周末课业辅导', typeLabel: '课业辅导', minutes: 120 },
    { date: '2026-12-12', title: '<script>alert(1)</script>', typeLabel: '陪伴', minutes: 270 },
  ],
  status: 'valid',
  revokedReason: null,
  verifyUrl: 'http://127.0.0.1:3000/api/v1/certificates/verify',
};

describe('certificate document', () => {
  it('should mask all but the region and the last four digits of an ID number', () => {
    expect(maskIdNumber('430524199001011234')).toBe('430524********1234');
  });

  it('should print identity, hours, content, issuer, number and date, with the total equal to the rows', () => {
    const html = renderCertificateHtml(doc);
    for (const text of [
      '志愿服务记录证明',
      'KC-2026-000042',
      '李思雨',
      'KV2026000007',
      '430524********1234',
      '隆回县留守儿童关爱服务中心',
      '罗建国',
      '王芳',
      '2026-12-20',
      '6.5',
      'AB12CD34',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain('199001011234');
  });

  it('should escape text that came from users', () => {
    expect(renderCertificateHtml(doc)).not.toContain('<script>alert(1)</script>');
  });

  it('should mark a revoked certificate', () => {
    expect(renderCertificateHtml({ ...doc, status: 'revoked', revokedReason: '时长录入有误' })).toContain('已撤销');
  });

  it('should derive the same verification code from the same number and secret only', () => {
    const secret = randomBytes(32);
    expect(verificationCode(secret, 'KC-1')).toBe(verificationCode(secret, 'KC-1'));
    expect(verificationCode(secret, 'KC-1')).not.toBe(verificationCode(secret, 'KC-2'));
    expect(verificationCode(secret, 'KC-1')).toMatch(/^[A-Z0-9]{8}$/);
  });
});
