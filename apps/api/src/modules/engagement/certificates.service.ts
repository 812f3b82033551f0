import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CertificateVerificationView, CertificateView } from '@kindred/contracts';
import { can, requireOrgScope } from '../../common/auth/abilities';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { EngagementErrors } from './engagement.errors';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit';
import { OrganizationsService } from '../identity';
import { renderCertificateHtml, verificationCode, type CertificateActivity, type CertificateDocument } from './certificate.document';
import type { CertificateEntity } from './certificate.entity';
import { CertificatesRepository } from './certificates.repository';
import { HoursRepository } from './hours.repository';
import { ShiftDirectory } from '../needs';
import { VolunteerDirectory } from './ports';

const NEED_TYPE_LABELS: Record<string, string> = {
  tutoring: '课业辅导',
  companionship: '陪伴关爱',
  summer_camp: '夏令营',
  goods: '物资发放',
  counselling: '心理辅导',
  health_check: '健康检查',
  safety_education: '安全教育',
  family_visit: '家访',
  legal_aid: '法律援助',
  parent_child_call: '亲子通话',
  other: '志愿服务',
};

/** Volunteer service record certificates: issued from verified hours only, verifiable by number and code, revocable. */
@Injectable()
export class CertificatesService {
  private readonly secret: Buffer;

  constructor(
    config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly certificates: CertificatesRepository,
    private readonly hours: HoursRepository,
    private readonly shifts: ShiftDirectory,
    private readonly volunteers: VolunteerDirectory,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
  ) {
    this.secret = createHmac('sha256', config.auth.jwtSecret).update('kindred:certificates').digest();
  }

  /** A volunteer asks the organisation that recorded their hours for a certificate of all of them (谁记录谁证明). */
  async issue(
    principal: Principal,
    orgId: string,
    identity: { idType?: string; idNumberMasked?: string },
    baseUrl: string,
  ): Promise<CertificateView> {
    const org = await this.organizations.get(principal, orgId).catch(() => null);
    if (!org || org.kind !== 'ngo') throw DomainError.notFound('Organization');
    const owners = (await this.organizations.membersAsSystem(orgId)).filter((m) => m.role === 'owner');
    const standing = await this.volunteers.standing(principal.userId, new Date());
    return this.transactions.run(async (tx) => {
      const records = await this.hours.verifiedAt(tx, principal.userId, orgId);
      const totalMinutes = records.reduce((n, r) => n + r.minutes, 0);
      if (totalMinutes <= 0)
        throw EngagementErrors.noVerifiedHours();
      const byShift = new Map<string, { minutes: number; servedOn: Date; shiftId: string; decidedBy: string | null }>();
      for (const r of records) {
        const entry = byShift.get(r.signupId) ?? { minutes: 0, servedOn: r.servedOn, shiftId: r.shiftId, decidedBy: r.decidedBy };
        entry.minutes += r.minutes;
        byShift.set(r.signupId, entry);
      }
      const activities: CertificateActivity[] = [];
      let handlerId: string | null = null;
      for (const entry of byShift.values()) {
        if (entry.minutes === 0) continue;
        const facts = await this.shifts.facts(entry.shiftId);
        activities.push({
          date: entry.servedOn.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }),
          title: facts?.needTitle ?? '志愿服务',
          typeLabel: NEED_TYPE_LABELS[facts?.needType ?? 'other'] ?? '志愿服务',
          minutes: entry.minutes,
        });
        handlerId ??= entry.decidedBy;
      }
      const handler = handlerId
        ? (await this.organizations.membersAsSystem(orgId)).find((m) => m.userId === handlerId)?.displayName
        : undefined;
      const number = await this.certificates.nextNumber(tx, new Date().getFullYear());
      const document: CertificateDocument = {
        number,
        verificationCode: verificationCode(this.secret, number),
        volunteerName: standing.displayName,
        volunteerNumber: standing.volunteerNumber ?? '—',
        idType: identity.idType ?? null,
        idNumberMasked: identity.idNumberMasked ?? null,
        issuerName: org.name,
        personInCharge: owners[0]?.displayName ?? '—',
        handler: handler ?? owners[0]?.displayName ?? '—',
        contact: null,
        issuedAt: new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }),
        totalMinutes,
        activities: activities.sort((a, b) => a.date.localeCompare(b.date)),
        status: 'valid',
        revokedReason: null,
        verifyUrl: `${baseUrl}/api/v1/certificates/verify`,
      };
      const saved = await this.certificates.insert(tx, { number, orgId, userId: principal.userId, totalMinutes, document });
      await this.audit.record(tx, {
        action: 'certificate.issued',
        entityType: 'certificate',
        entityId: saved.id,
        orgId,
        diff: { number, totalMinutes },
      });
      return this.toView(saved);
    });
  }

  async mine(principal: Principal): Promise<CertificateView[]> {
    return (await this.certificates.ofUser(principal.userId)).map((c) => this.toView(c));
  }

  /** The printable document: for its volunteer and the issuing NGO's members. */
  async html(principal: Principal, id: string): Promise<string> {
    const certificate = await this.certificates.findById(id);
    if (!certificate || (certificate.userId !== principal.userId && !can(principal, 'read', 'NgoWork', certificate.orgId)))
      throw DomainError.notFound('Certificate');
    return renderCertificateHtml(this.document(certificate));
  }

  /** Anyone can check a certificate by number and code; the answer carries no ID number. */
  async verify(number: string, code: string): Promise<CertificateVerificationView> {
    const certificate = await this.certificates.findByNumber(number);
    if (!certificate || verificationCode(this.secret, number) !== code.toUpperCase()) throw DomainError.notFound('Certificate');
    const doc = this.document(certificate);
    return {
      number,
      status: doc.status,
      volunteerName: doc.volunteerName,
      volunteerNumber: doc.volunteerNumber,
      issuerName: doc.issuerName,
      totalHours: Math.round((doc.totalMinutes / 60) * 10) / 10,
      issuedAt: doc.issuedAt,
      revokedReason: doc.revokedReason,
    };
  }

  async revoke(principal: Principal, id: string, reason: string): Promise<CertificateView> {
    const certificate = await this.certificates.findById(id);
    if (!certificate) throw DomainError.notFound('Certificate');
    requireOrgScope(principal, 'coordinate', 'NgoWork', certificate.orgId);
    await this.transactions.run(async (tx) => {
      if (!(await this.certificates.revoke(tx, id, principal.userId, reason)))
        throw EngagementErrors.certificateRevoked();
      await this.audit.record(tx, {
        action: 'certificate.revoked',
        entityType: 'certificate',
        entityId: id,
        orgId: certificate.orgId,
        diff: { number: certificate.number },
      });
    });
    // Read after the commit: the repository reads outside the transaction.
    return this.toView((await this.certificates.findById(id))!);
  }

  private document(certificate: CertificateEntity): CertificateDocument {
    return {
      ...certificate.document,
      status: certificate.revokedAt ? 'revoked' : 'valid',
      revokedReason: certificate.revokeReason,
    };
  }

  private toView(certificate: CertificateEntity): CertificateView {
    return {
      id: certificate.id,
      number: certificate.number,
      verificationCode: certificate.document.verificationCode,
      organizationId: certificate.orgId,
      issuerName: certificate.document.issuerName,
      totalMinutes: certificate.totalMinutes,
      issuedAt: certificate.issuedAt.toISOString(),
      status: certificate.revokedAt ? 'revoked' : 'valid',
      documentUrl: `/api/v1/certificates/${certificate.id}/document`,
    };
  }
}
