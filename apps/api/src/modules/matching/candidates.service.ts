import { Injectable } from '@nestjs/common';
import type { CandidatesPage, CandidateView } from '@kindred/contracts';
import type { Principal } from '../../common/auth/principal';
import { UsersService } from '../identity';
import { NeedsService, ShiftsService } from '../needs';
import { CodeOfConductService } from '../volunteers';
import { CandidateGenerationRepository } from './candidate-generation.repository';
import { buildCandidatesQuery, type CandidateRow, type CandidatesTarget } from './sql/candidates.sql';
import { assertCoordinates } from './coordinator-access';
import type { CandidatesQueryDto } from './dto/match-queries.dto';
import { canonicalLanguages } from './local-languages';
import { MATCHING } from './matching.config';
import { encodeRankedCursor } from './ranked-cursor';
import { cursorOf, roundKm, TAKING_SIGNUPS, WIDEN_BELOW } from './ranked-lists';
import { explainVolunteerMatch } from './reasons';
import { SkillNamesCache } from './skill-names';
import { MatchingErrors } from './matching.errors';

/**
 * A need's candidates for a coordinator: the need and shift from the needs context, one ranking statement
 * (candidate-generation.repository.ts), and the reasons of each volunteer.
 */
@Injectable()
export class CandidatesService {
  constructor(
    private readonly generation: CandidateGenerationRepository,
    private readonly codeOfConduct: CodeOfConductService,
    private readonly users: UsersService,
    private readonly needs: NeedsService,
    private readonly shifts: ShiftsService,
    private readonly skillNames: SkillNamesCache,
  ) {}

  async candidates(principal: Principal, needId: string, query: CandidatesQueryDto): Promise<CandidatesPage> {
    const limit = query.limit ?? MATCHING.page.defaultLimit;
    const after = cursorOf('candidates', query.cursor);
    const need = await this.needs.get(principal, needId);
    assertCoordinates(principal, need.organizationId);
    if (!TAKING_SIGNUPS.has(need.status))
      throw MatchingErrors.needNotOpen(need.status);
    const now = new Date();
    const { data: shifts } = await this.shifts.list(principal, needId);
    const upcoming = (s: (typeof shifts)[number]): boolean => s.status === 'scheduled' && Date.parse(s.startsAt) > now.getTime();
    let shift = query.shiftId ? shifts.find((s) => s.id === query.shiftId) : undefined;
    if (query.shiftId && !shift) throw MatchingErrors.notAShiftOfNeed();
    if (shift && !upcoming(shift)) throw MatchingErrors.shiftNotUpcoming();
    shift ??= shifts.filter(upcoming).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.id.localeCompare(b.id))[0];
    const empty = { needId, shiftId: null, shiftFull: false, data: [], nextCursor: null, modelVersion: MATCHING.modelVersion };
    if (!shift) return empty;

    const target: CandidatesTarget = {
      needId,
      orgId: need.organizationId,
      regionCode: need.regionCode,
      location: need.location,
      requiredSkills: need.requiredSkills,
      childContact: need.childContact,
      minAge: need.minAge,
      shift: { id: shift.id, startsAt: new Date(shift.startsAt), endsAt: new Date(shift.endsAt) },
    };
    const codeOfConductVersion = await this.codeOfConduct.currentVersion();
    const rings = MATCHING.volunteer.candidateRadiiKm;
    const fetch = after ? limit : Math.max(limit, WIDEN_BELOW);
    const run = (r: number): Promise<CandidateRow[]> =>
      this.generation.candidates(buildCandidatesQuery(target, { now, codeOfConductVersion, limit: fetch, after, radiusKm: rings[r] }));
    let ring = Math.min(after?.ring ?? 0, rings.length - 1);
    let rows = await run(ring);
    while (!after && target.location && rows.length < WIDEN_BELOW && ring < rings.length - 1) rows = await run(++ring);
    const page = rows.slice(0, limit);
    const [users, skillNames] = await Promise.all([this.users.summaries(page.map((r) => r.user_id)), this.skillNames.names()]);
    const displayName = new Map(users.map((u) => [u.id, u.displayName]));
    const data = page.map((row): CandidateView => {
      // Coordinators see whole kilometres only: a volunteer's home should not be placed from a few needs' distances.
      const km = roundKm(row.distance_km, 1);
      const explained = explainVolunteerMatch(
        row,
        {
          requiredSkills: need.requiredSkills,
          matchedSkills: row.matched_skills,
          distanceKm: km,
          needRegion: need.regionCode,
          volunteerRegion: row.region_code,
          availabilityShare: row.f_availability,
          spokenLanguages: canonicalLanguages(row.languages),
          needMinutes: row.need_minutes,
          orgMinutes: row.org_minutes,
          reliability: row.reliability,
          committedMinutes: row.committed_minutes,
          capMinutes: row.cap_minutes,
        },
        skillNames,
      );
      return {
        userId: row.user_id,
        displayName: displayName.get(row.user_id) ?? '',
        volunteerNumber: row.volunteer_number,
        countyCode: row.region_code.slice(0, 6),
        distanceKm: km,
        matchedSkills: row.matched_skills,
        ...explained,
        actions: { invite: { method: 'POST', href: `/api/v1/shifts/${shift.id}/invitations`, body: { userId: row.user_id } } },
      };
    });
    const last = page[page.length - 1];
    return {
      needId,
      shiftId: shift.id,
      shiftFull: shift.confirmedCount >= shift.capacity,
      data,
      nextCursor:
        rows.length > limit && last
          ? encodeRankedCursor('candidates', { score: String(last.score), key: '', id: last.user_id, ring })
          : null,
      modelVersion: MATCHING.modelVersion,
    };
  }
}
