import { Injectable } from '@nestjs/common';
import type { OrganizationHourRecordRow, Page } from '@kindred/contracts';
import { requireOrgScope } from '../../common/auth/abilities';
import type { Principal } from '../../common/auth/principal';
import { EngagementErrors } from './engagement.errors';
import { decodeKeyset, encodeKeyset } from '../../common/http/keyset-cursor';
import { UsersService } from '../identity';
import { ShiftDirectory } from '../needs';
import type { OrganizationHourRecordsQueryDto } from './dto/engagement.dto';
import { toHourRecordView } from './hour-record.view';
import { HoursRepository } from './hours.repository';

/**
 * An organisation's hour records as one list for its owners and coordinators,
 * each row with the volunteer's name, the need's title and the shift's start:
 * one query for the page, one for the titles and one for the names.
 */
@Injectable()
export class HourRecordListsService {
  constructor(
    private readonly hours: HoursRepository,
    private readonly shifts: ShiftDirectory,
    private readonly users: UsersService,
  ) {}

  async organization(
    principal: Principal,
    orgId: string,
    query: OrganizationHourRecordsQueryDto,
  ): Promise<Page<OrganizationHourRecordRow>> {
    const scope = requireOrgScope(principal, 'coordinate', 'NgoWork', orgId);
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && to < from) throw EngagementErrors.rangeReversed();
    const position = decodeKeyset(query.cursor);
    const limit = query.limit ?? 50;
    const rows = await this.hours.organizationPage(
      scope,
      { status: query.status, from, to },
      limit + 1,
      position ? { at: new Date(position.at), id: position.id } : null,
    );
    const page = rows.slice(0, limit);
    // One after the other: each reads through its own context, not in parallel on one connection.
    const titles = await this.shifts.needTitles(page.map((r) => r.record.needId));
    const names = new Map((await this.users.summaries([...new Set(page.map((r) => r.record.userId))])).map((u) => [u.id, u.displayName]));
    const last = page[page.length - 1];
    return {
      data: page.map(({ record, shiftStartsAt }) => ({
        ...toHourRecordView(record),
        userId: record.userId,
        volunteerName: names.get(record.userId) ?? '',
        needTitle: titles.get(record.needId) ?? '',
        shiftStartsAt: shiftStartsAt?.toISOString() ?? null,
      })),
      nextCursor: rows.length > limit && last ? encodeKeyset(last.record.servedOn, last.record.id) : null,
    };
  }
}
