import { Injectable } from '@nestjs/common';
import type { FollowUpView } from '@kindred/contracts';
import type { Principal } from '../../common/auth/principal';
import { grantOrgScope } from '../../common/auth/org-scope';
import { bindOrgScope, type Tx } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { ChildrenErrors } from './children.errors';
import { AuditService } from '../audit';
import { OrganizationsService, UsersService } from '../identity';
import { VolunteerDirectoryService } from '../volunteers';
import { CareAccess, requireActive } from './care-access';
import { contactOverdue } from './care-flags';
import { CareRepository } from './care.repository';
import { beijingToday } from './child-dates';
import type { ChildFollowUpEntity } from './child-follow-up.entity';
import type { CreateFollowUpDto, EndFollowUpDto } from './dto/care.dto';

/** Members who count as the NGO's social workers for a pairing. */
const SOCIAL_WORKER_ROLES = ['owner', 'coordinator', 'staff'];

/**
 * One-to-one follow-up pairings (一对一帮扶): a child with a social worker of
 * the NGO or a volunteer cleared for child contact, with a contact cadence.
 * A service recorded by the paired person, or naming the pairing, is a contact.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly access: CareAccess,
    private readonly care: CareRepository,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly volunteers: VolunteerDirectoryService,
  ) {}

  // Other contexts' reads (members, names, safeguarding standing) run outside the children's transaction: each
  // takes a pool connection of its own, and a transaction waiting for a second connection can starve the pool.

  async list(principal: Principal, childId: string): Promise<{ data: FollowUpView[] }> {
    const rows = await this.access.withChild(principal, childId, 'read', (tx, child) => this.care.followUps(tx, child.id));
    return { data: await this.views(rows) };
  }

  async create(principal: Principal, childId: string, body: CreateFollowUpDto): Promise<FollowUpView> {
    const today = beijingToday();
    const startedOn = body.startedOn ?? today;
    if (startedOn > today) throw ChildrenErrors.inTheFuture('startedOn');
    const orgId = await this.access.withChild(principal, childId, 'manage_follow_ups', async (_tx, child) => {
      requireActive(child);
      return child.orgId;
    });
    await this.checkPartner(orgId, body);
    const followUp = await this.access.withChild(
      principal,
      childId,
      'manage_follow_ups',
      async (tx, child) => {
        requireActive(child);
        if (await this.care.openFollowUpOf(tx, child.id, body.userId)) {
          throw ChildrenErrors.alreadyFollowing();
        }
        const followUp = await this.care.insertFollowUp(tx, {
          orgId: child.orgId,
          childId: child.id,
          userId: body.userId,
          role: body.role,
          contactEveryDays: body.contactEveryDays,
          startedOn,
          createdBy: principal.userId,
        });
        await this.audit.record(tx, {
          action: 'child.follow_up_started',
          entityType: 'child',
          entityId: child.id,
          orgId: child.orgId,
          diff: { followUpId: followUp.id, userId: body.userId, role: body.role, contactEveryDays: body.contactEveryDays },
        });
        return followUp;
      },
      { lock: true },
    );
    return (await this.views([followUp]))[0];
  }

  async end(principal: Principal, childId: string, followUpId: string, body: EndFollowUpDto): Promise<FollowUpView> {
    const today = beijingToday();
    const endedOn = body.endedOn ?? today;
    if (endedOn > today) throw ChildrenErrors.inTheFuture('endedOn');
    const ended = await this.access.withChild(principal, childId, 'manage_follow_ups', async (tx, child) => {
      const followUp = await this.care.lockFollowUp(tx, child.id, followUpId);
      if (!followUp) throw DomainError.notFound('Follow-up');
      if (followUp.endedOn !== null) throw ChildrenErrors.followUpEnded();
      if (endedOn < followUp.startedOn) {
        throw ChildrenErrors.invalid('endedOn', 'must not be before startedOn', 'invalid_date');
      }
      await this.care.endFollowUp(tx, followUp.id, endedOn);
      await this.audit.record(tx, {
        action: 'child.follow_up_ended',
        entityType: 'child',
        entityId: child.id,
        orgId: child.orgId,
        diff: { followUpId: followUp.id, endedOn },
      });
      return { ...followUp, endedOn };
    });
    return (await this.views([ended]))[0];
  }

  /**
   * Ends every open pairing of a person, in every NGO, inside the caller's transaction (a safeguarding block
   * being recorded): each is audited on its child's file with the reason code, never the block's details.
   */
  async endAllFor(tx: Tx, userId: string, reason: string): Promise<number> {
    const open = await this.care.openFollowUpsOfPerson(tx, userId);
    if (open.length === 0) return 0;
    // Acting as the system: the block was recorded by someone entitled to it, for every NGO the person serves.
    const scoped = await bindOrgScope(tx, [...new Set(open.map((f) => f.orgId))].map(grantOrgScope));
    const endedOn = beijingToday();
    await this.care.endFollowUps(
      scoped,
      open.map((f) => f.id),
      endedOn,
    );
    for (const f of open) {
      await this.audit.record(scoped, {
        action: 'child.follow_up_ended',
        entityType: 'child',
        entityId: f.childId,
        orgId: f.orgId,
        diff: { followUpId: f.id, endedOn, reason },
      });
    }
    return open.length;
  }

  /**
   * A social worker must be a member of the child's NGO; a volunteer needs a
   * safeguarding check valid today (a one-to-one pairing is child contact).
   */
  private async checkPartner(orgId: string, body: CreateFollowUpDto): Promise<void> {
    if (body.role === 'social_worker') {
      const members = await this.organizations.membersAsSystem(orgId);
      if (!members.some((m) => m.userId === body.userId && SOCIAL_WORKER_ROLES.includes(m.role))) {
        throw ChildrenErrors.invalid('userId', "must be a member of the child's organisation", 'invalid_choice');
      }
      return;
    }
    if ((await this.users.summaries([body.userId])).length === 0) {
      throw ChildrenErrors.invalid('userId', 'must be a registered user', 'invalid_choice');
    }
    const standing = await this.volunteers.standing(body.userId, new Date());
    if (standing.safeguarding !== 'valid') {
      throw ChildrenErrors.partnerWithoutSafeguarding();
    }
  }

  private async views(rows: ChildFollowUpEntity[]): Promise<FollowUpView[]> {
    const today = beijingToday();
    const names = new Map((await this.users.summaries([...new Set(rows.map((r) => r.userId))])).map((u) => [u.id, u.displayName]));
    return rows.map((f) => ({
      id: f.id,
      childId: f.childId,
      userId: f.userId,
      displayName: names.get(f.userId) ?? '',
      role: f.role,
      contactEveryDays: f.contactEveryDays,
      startedOn: f.startedOn,
      endedOn: f.endedOn,
      lastContactOn: f.lastContactOn,
      contactOverdue: contactOverdue(f, today),
    }));
  }
}
