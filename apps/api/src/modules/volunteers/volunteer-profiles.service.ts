import { Injectable } from '@nestjs/common';
import type { FieldProblem, VolunteerProfileView } from '@kindred/contracts';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { AuditService } from '../audit';
import { CodeOfConductService } from './code-of-conduct.service';
import type { UpsertVolunteerProfileDto } from './dto/upsert-volunteer-profile.dto';
import { SkillsService } from './skills.service';
import { formatVolunteerNumber } from './volunteer-number';
import type { VolunteerProfileEntity } from './volunteer-profile.entity';
import { emptyVolunteerProfileView, toVolunteerProfileView } from './volunteer-profile.view';
import { VolunteerProfilesRepository, type ProfileFields } from './volunteer-profiles.repository';
import { VolunteerFieldErrors, VolunteersErrors } from './volunteers.errors';

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

@Injectable()
export class VolunteerProfilesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly profiles: VolunteerProfilesRepository,
    private readonly skills: SkillsService,
    private readonly codeOfConduct: CodeOfConductService,
    private readonly audit: AuditService,
  ) {}

  async mine(principal: Principal): Promise<VolunteerProfileView> {
    const profile = await this.profiles.find(principal.userId);
    if (!profile) return emptyVolunteerProfileView(principal.userId);
    return toVolunteerProfileView(profile, await this.codeOfConduct.currentVersion());
  }

  /** Profile lookup for other contexts (matching, engagement); no access check, so never return it to a client as is. */
  findProfile(userId: string): Promise<VolunteerProfileEntity | null> {
    return this.profiles.find(userId);
  }

  /** Creates the profile (assigning a volunteer number) or replaces its fields. */
  async upsert(principal: Principal, input: UpsertVolunteerProfileDto): Promise<VolunteerProfileView> {
    const fields = await this.validated(principal, input);
    const current = await this.codeOfConduct.currentVersion();
    return this.transactions.run(async (tx) => {
      const existing = await this.profiles.lock(tx, principal.userId);
      let created = false;
      if (!existing) {
        const number = formatVolunteerNumber(await this.profiles.nextSerial(tx), new Date());
        created = await this.profiles.insertIfAbsent(tx, principal.userId, number, fields);
      }
      if (!created) await this.profiles.update(tx, principal.userId, fields);
      await this.audit.record(tx, {
        action: created ? 'volunteer_profile.created' : 'volunteer_profile.updated',
        entityType: 'volunteer_profile',
        entityId: principal.userId,
        // Field names only: the values (birth date, location) are personal.
        diff: { fields: Object.keys(input).sort() },
      });
      return toVolunteerProfileView((await this.profiles.find(principal.userId, tx))!, current);
    });
  }

  private async validated(principal: Principal, input: UpsertVolunteerProfileDto): Promise<ProfileFields> {
    await this.skills.assertKnown(input.skills, 'skills');
    const errors: FieldProblem[] = [];
    input.availability.forEach((slot, i) => {
      if (minutesOf(slot.to) <= minutesOf(slot.from)) errors.push(VolunteerFieldErrors.slotEndsBeforeStart(i));
    });
    if (input.birthDate) {
      const birth = Date.parse(`${input.birthDate}T00:00:00Z`);
      if (birth > Date.now() || birth < Date.parse('1900-01-01T00:00:00Z'))
        errors.push(VolunteerFieldErrors.birthDateNotPast());
    }
    if (input.employerOrganizationId) {
      const employer = principal.memberships.find(
        (m) => m.organizationId === input.employerOrganizationId && m.organizationKind === 'company',
      );
      if (!employer) errors.push(VolunteerFieldErrors.notYourCompany());
    }
    if (errors.length > 0) throw VolunteersErrors.invalid(errors);
    return {
      skills: input.skills,
      languages: input.languages,
      regionCode: input.regionCode,
      lat: input.location?.lat ?? null,
      lng: input.location?.lng ?? null,
      availability: input.availability.map(({ weekday, from, to }) => ({ weekday, from, to })),
      monthlyHourCap: input.monthlyHourCap ?? null,
      employerOrgId: input.employerOrganizationId ?? null,
      birthDate: input.birthDate ?? null,
    };
  }
}
