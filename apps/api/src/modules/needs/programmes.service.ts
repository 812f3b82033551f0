import { Injectable } from '@nestjs/common';
import type { ProgrammeView } from '@kindred/contracts';
import { can, requireOrgScope } from '../../common/auth/abilities';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { NeedsErrors } from './needs.errors';
import { AuditService } from '../audit';
import { OrganizationsService } from '../identity';
import type { CreateProgrammeDto } from './dto/programme.dto';
import { toProgrammeView } from './need.view';
import { ProgrammesRepository } from './programmes.repository';

/** Programmes group an NGO's needs (e.g. "2026 暑期夏令营"); donors may pledge to one. */
@Injectable()
export class ProgrammesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly programmes: ProgrammesRepository,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, input: CreateProgrammeDto): Promise<ProgrammeView> {
    const scope = requireOrgScope(principal, 'coordinate', 'NgoWork', input.organizationId);
    const [org] = await this.organizations.summariesAsSystem([input.organizationId]);
    if (!org) throw DomainError.notFound('Organization');
    if (org.kind !== 'ngo') throw NeedsErrors.notAnNgo();
    return this.transactions.run(async (tx) => {
      const programme = await this.programmes.insertIfNew(tx, scope, { name: input.name, year: input.year, createdBy: principal.userId });
      if (!programme)
        throw NeedsErrors.programmeNameTaken();
      await this.audit.record(tx, {
        action: 'programme.created',
        entityType: 'programme',
        entityId: programme.id,
        orgId: scope.orgId,
        diff: { year: input.year },
      });
      return toProgrammeView(programme);
    });
  }

  /** A verified organisation's programmes are public; others only to their members. */
  async list(principal: Principal, orgId: string): Promise<{ data: ProgrammeView[] }> {
    const [org] = await this.organizations.summariesAsSystem([orgId]);
    if (!org || (org.status !== 'verified' && !can(principal, 'read', 'NgoWork', orgId))) throw DomainError.notFound('Organization');
    return { data: (await this.programmes.ofOrg(orgId)).map(toProgrammeView) };
  }
}
