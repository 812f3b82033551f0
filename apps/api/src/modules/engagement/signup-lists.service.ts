import { Injectable } from '@nestjs/common';
import type { MyShiftRow, OrganizationRosterEntry, RosterRow, RosterView } from '@kindred/contracts';
import { requireOrgScope } from '../../common/auth/abilities';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { ShiftDirectory } from '../needs';
import { SeatsRepository } from './seats.repository';
import type { ShiftSeatEntity } from './shift-seat.entity';
import { SignupsRepository } from './signups.repository';

/** A shift's roster with its counts as the rows show them. */
function rosterView(seat: Pick<ShiftSeatEntity, 'shiftId' | 'capacity'>, rows: RosterRow[]): RosterView {
  return {
    shiftId: seat.shiftId,
    capacity: seat.capacity,
    confirmedCount: rows.filter((r) => r.status === 'confirmed' || r.status === 'completed').length,
    waitlistCount: rows.filter((r) => r.status === 'waitlisted').length,
    signups: rows,
  };
}

/** Lists of sign-ups: a shift's roster, an organisation's rosters, a volunteer's own shifts. */
@Injectable()
export class SignupListsService {
  constructor(
    private readonly seats: SeatsRepository,
    private readonly signups: SignupsRepository,
    private readonly shifts: ShiftDirectory,
  ) {}

  async roster(principal: Principal, shiftId: string): Promise<RosterView> {
    const seat = await this.seats.find(shiftId);
    if (!seat) throw DomainError.notFound('Shift');
    // The roster names volunteers and how to reach them: coordinators only (API.md), not every staff member.
    const scope = requireOrgScope(principal, 'coordinate', 'NgoWork', seat.orgId);
    return rosterView(seat, await this.signups.roster(scope, shiftId));
  }

  /** The rosters of an organisation's shifts overlapping [from, to] in two queries (owners and coordinators), earliest first. */
  async organizationRosters(principal: Principal, orgId: string, from: Date, to: Date, limit: number): Promise<OrganizationRosterEntry[]> {
    const scope = requireOrgScope(principal, 'coordinate', 'NgoWork', orgId);
    const seats = await this.seats.inWindow(scope, from, to, limit);
    const [rosters, titles] = await Promise.all([
      this.signups.rosters(
        scope,
        seats.map((s) => s.shiftId),
      ),
      this.shifts.needTitles(seats.map((s) => s.needId)),
    ]);
    return seats.map((seat) => ({
      need: { id: seat.needId, title: titles.get(seat.needId) ?? '' },
      shift: { id: seat.shiftId, startsAt: seat.startsAt.toISOString(), endsAt: seat.endsAt.toISOString(), capacity: seat.capacity },
      roster: rosterView(seat, rosters.get(seat.shiftId) ?? []),
    }));
  }

  async mine(principal: Principal): Promise<MyShiftRow[]> {
    const rows = await this.signups.mine(principal.userId);
    const titles = await this.shifts.needTitles(rows.map((r) => r.needId));
    return rows.map((r) => ({
      signupId: r.signupId,
      shiftId: r.shiftId,
      needId: r.needId,
      needTitle: titles.get(r.needId) ?? '',
      organizationId: r.orgId,
      status: r.status,
      position: r.position,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      checkedInAt: r.checkedInAt?.toISOString() ?? null,
      checkedOutAt: r.checkedOutAt?.toISOString() ?? null,
    }));
  }
}
