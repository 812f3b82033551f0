import { createHmac } from 'node:crypto';
import { CERTIFICATE_PRINT_HANDLER } from '../../common/http/security-headers';

export interface CertificateActivity {
  date: string;
  title: string;
  typeLabel: string;
  minutes: number;
}

export interface CertificateDocument {
  number: string;
  verificationCode: string;
  volunteerName: string;
  volunteerNumber: string;
  idType: string | null;
  idNumberMasked: string | null;
  issuerName: string;
  personInCharge: string;
  handler: string;
  contact: string | null;
  issuedAt: string;
  totalMinutes: number;
  activities: CertificateActivity[];
  status: 'valid' | 'revoked';
  revokedReason: string | null;
  verifyUrl: string;
}

/** A short code printed on the certificate; with the number it proves the certificate came from this platform. */
export function verificationCode(secret: Buffer, number: string): string {
  return createHmac('sha256', secret).update(`certificate:${number}`).digest('base64url').replace(/[-_]/g, '').slice(0, 8).toUpperCase();
}

/** 430524199001011234 → 430524********1234; never store or print the whole number. */
export function maskIdNumber(idNumber: string): string {
  const clean = idNumber.replace(/\s/g, '');
  if (clean.length <= 8) return '*'.repeat(clean.length);
  return `${clean.slice(0, 6)}${'*'.repeat(clean.length - 10)}${clean.slice(-4)}`;
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const hours = (minutes: number): string => (Math.round((minutes / 60) * 10) / 10).toFixed(1);

/**
 * The volunteer service record certificate (志愿服务记录证明) as a print-ready
 * A4 page, with the contents the 2015 guidance and the 2021 MCA rules ask for:
 * identity, service hours and content, issuer, number and date.
 */
export function renderCertificateHtml(doc: CertificateDocument): string {
  const rows = doc.activities
    .map(
      (a) =>
        `<tr><td>${escape(a.date)}</td><td>${escape(a.title)}</td><td>${escape(a.typeLabel)}</td><td class="num">${hours(a.minutes)}</td></tr>`,
    )
    .join('');
  const revoked =
    doc.status === 'revoked' ? `<div class="revoked">已撤销 REVOKED${doc.revokedReason ? `：${escape(doc.revokedReason)}` : ''}</div>` : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>志愿服务记录证明 ${escape(doc.number)}</title>
<style>
  @page { size: A4; margin: 18mm; }
  body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; color: #222; margin: 0 auto; max-width: 180mm; }
  h1 { text-align: center; letter-spacing: 0.3em; font-size: 26px; margin: 8mm 0 2mm; }
  .sub { text-align: center; color: #555; margin-bottom: 8mm; }
  table { width: 100%; border-collapse: collapse; margin: 4mm 0; }
  th, td { border: 1px solid #999; padding: 6px 8px; font-size: 14px; text-align: left; }
  th { background: #f3f3f3; width: 24%; }
  .num { text-align: right; }
  .body { line-height: 2; font-size: 15px; text-indent: 2em; }
  .seal { margin-top: 12mm; text-align: right; line-height: 2; }
  .meta { margin-top: 10mm; font-size: 12px; color: #555; border-top: 1px dashed #aaa; padding-top: 3mm; }
  .revoked { border: 3px solid #c00; color: #c00; font-size: 22px; text-align: center; padding: 4mm; margin: 4mm 0; }
  @media print { .noprint { display: none; } }
</style></head>
<body>
${revoked}
<h1>志愿服务记录证明</h1>
<div class="sub">证明编号 ${escape(doc.number)}</div>
<table>
  <tr><th>志愿者姓名</th><td>${escape(doc.volunteerName)}</td><th>志愿者编号</th><td>${escape(doc.volunteerNumber)}</td></tr>
  <tr><th>证件类型</th><td>${escape(doc.idType ?? '—')}</td><th>证件号码</th><td>${escape(doc.idNumberMasked ?? '—')}</td></tr>
</table>
<p class="body">兹证明 ${escape(doc.volunteerName)} 同志参加由 ${escape(doc.issuerName)} 组织的志愿服务活动，经核实，累计志愿服务时长 <strong>${hours(doc.totalMinutes)}</strong> 小时，服务内容如下：</p>
<table>
  <thead><tr><th>日期</th><th>活动</th><th>服务内容</th><th class="num">时长（小时）</th></tr></thead>
  <tbody>${rows}</tbody>
  <tfoot><tr><th colspan="3">合计</th><td class="num">${hours(doc.totalMinutes)}</td></tr></tfoot>
</table>
<div class="seal">
  出具单位：${escape(doc.issuerName)}（盖章）<br>
  负责人：${escape(doc.personInCharge)}&emsp;经办人：${escape(doc.handler)}${doc.contact ? `&emsp;联系方式：${escape(doc.contact)}` : ''}<br>
  出具日期：${escape(doc.issuedAt)}
</div>
<div class="meta">
  核验：访问 ${escape(doc.verifyUrl)}，输入证明编号 ${escape(doc.number)} 与核验码 <strong>${escape(doc.verificationCode)}</strong>。<br>
  本证明依据《志愿服务条例》及《志愿服务记录与证明出具办法（试行）》出具，所载时长均经组织方核实。
</div>
<p class="noprint" style="text-align:center;margin-top:8mm"><button onclick="${CERTIFICATE_PRINT_HANDLER}">打印 / 另存为 PDF</button></p>
</body></html>`;
}
