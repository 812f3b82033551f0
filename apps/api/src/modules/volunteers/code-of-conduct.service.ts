import { Injectable } from '@nestjs/common';
import type { CodeOfConductView, VolunteerProfileView } from '@kindred/contracts';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit';
import { CodeOfConductRepository } from './code-of-conduct.repository';
import { toVolunteerProfileView } from './volunteer-profile.view';
import { VolunteerProfilesRepository } from './volunteer-profiles.repository';
import { VolunteersErrors } from './volunteers.errors';

/** The versioned code of conduct a volunteer accepts before any child-contact work. */
@Injectable()
export class CodeOfConductService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly versions: CodeOfConductRepository,
    private readonly profiles: VolunteerProfilesRepository,
    private readonly audit: AuditService,
  ) {}

  async current(): Promise<CodeOfConductView> {
    const version = await this.versions.current(new Date());
    if (!version) throw DomainError.notFound('Code of conduct');
    return { version: version.version, title: version.title, body: version.body, publishedAt: version.publishedAt.toISOString() };
  }

  async currentVersion(): Promise<string | null> {
    return (await this.versions.current(new Date()))?.version ?? null;
  }

  /** Whether the volunteer accepted the version in force now (a newer version asks again). */
  async hasAcceptedCurrentCodeOfConduct(userId: string): Promise<boolean> {
    const [current, profile] = await Promise.all([this.currentVersion(), this.profiles.find(userId)]);
    return current !== null && profile?.codeOfConductVersionAccepted === current;
  }

  async accept(principal: Principal, version: string): Promise<VolunteerProfileView> {
    const current = await this.currentVersion();
    if (current === null || version !== current) {
      throw VolunteersErrors.notCurrentCodeOfConduct(current);
    }
    return this.transactions.run(async (tx) => {
      const profile = await this.profiles.lock(tx, principal.userId);
      if (!profile) throw VolunteersErrors.profileFirst();
      const at = new Date();
      await this.profiles.acceptCodeOfConduct(tx, principal.userId, version, at);
      await this.audit.record(tx, {
        action: 'code_of_conduct.accepted',
        entityType: 'volunteer_profile',
        entityId: principal.userId,
        diff: { version },
      });
      return toVolunteerProfileView((await this.profiles.find(principal.userId, tx))!, current);
    });
  }
}
