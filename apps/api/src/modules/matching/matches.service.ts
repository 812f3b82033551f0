import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { HoursService, SignupsService } from '../engagement';
import { OrganizationsService, UsersService } from '../identity';
import { NeedsService, ShiftsService } from '../needs';
import { CodeOfConductService, SafeguardingService, VolunteerProfilesService } from '../volunteers';
import { CandidateGenerationRepository } from './candidate-generation.repository';
import { buildCandidatesQuery, type CandidateRow, type CandidatesTarget } from './candidates.sql';
import { assertCoordinates } from './coordinator-access';
import type { CandidatesQueryDto, FeedQueryDto } from './dto/match-queries.dto';
import { buildFeedQuery, type FeedRow } from './feed.sql';
import { canonicalLanguages } from './local-languages';
import { MATCHING } from './matching.config';
import type { CandidatesPage, CandidateView, FeedMatchView, RankedPage } from '@kindred/contracts';
import { decodeRankedCursor, encodeRankedCursor, type RankedCursor } from './ranked-cursor';
import { explainVolunteerMatch } from './reasons';
import { SkillNamesCache } from './skill-names';
import { volunteerFacts, type VolunteerSnapshot } from './volunteer-snapshot';

/** Needs whose shifts take sign-ups (a filled need's shifts can still waitlist). */
const TAKING_SIGNUPS = new Set(['open', 'filled', 'in_progress']);

/**
 * A ring that cannot fill a default page is widened. The test does not depend
 * on the page size asked for, so paging with any limit ranks the same candidates.
 */
const WIDEN_BELOW = MATCHING.page.defaultLimit;

const roundKm = (km: number | null, step: number): number | null => (km === null ? null : Math.round(km / step) * step);

function cursorOf(list: 'feed' | 'candidates', text: string | undefined): RankedCursor | null {
  if (!text) return null;
  const cursor = decodeRankedCursor(list, text);
  if (!cursor) throw DomainError.validation([{ field: 'cursor', message: 'is not a cursor this list gave out' }]);
  return cursor;
}

/**
 * The volunteer feed and a need's candidates: both gather what other
 * contexts know through their services, then run one ranking statement
 * (candidate-generation.repository.ts) and explain each row.
 */
@Injectable()
export class MatchesService {
  constructor(
    private readonly generation: CandidateGenerationRepository,
    private readonly profiles: VolunteerProfilesService,
    private readonly codeOfConduct: CodeOfConductService,
    private readonly safeguarding: SafeguardingService,
    private readonly signups: SignupsService,
    private readonly hours: HoursService,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly needs: NeedsService,
    private readonly shifts: ShiftsService,
    private readonly skillNames: SkillNamesCache,
  ) {}

  /** What the caller's feed is ranked from, read from the volunteers and engagement contexts. */
  async snapshot(principal: Principal): Promise<VolunteerSnapshot> {
    const userId = principal.userId;
    const [profile, accepted, standing, signups, hours] = await Promise.all([
      this.profiles.findProfile(userId),
      this.codeOfConduct.hasAcceptedCurrentCodeOfConduct(userId),
      this.safeguarding.detail(userId),
      this.signups.mine(principal),
      this.hours.mine(principal),
    ]);
    if (!profile)
      throw new DomainError(
        'not_found',
        'Create your volunteer profile first (PUT /api/v1/me/volunteer-profile): the feed is ranked by it',
      );
    // Child-contact work: a valid check that lasts until the shift ends, and the current code of conduct (as sign-ups require).
    const childContactUntil = standing.status === 'valid' && accepted && standing.validUntil ? new Date(standing.validUntil) : null;
    return {
      userId,
      skills: profile.skills,
      languages: profile.languages,
      regionCode: profile.regionCode,
      location: profile.lat !== null && profile.lng !== null ? { lat: profile.lat, lng: profile.lng } : null,
      availability: profile.availability,
      monthlyHourCap: profile.monthlyHourCap,
      birthDate: profile.birthDate,
      childContactUntil,
      signups: signups.map((s) => ({ shiftId: s.shiftId, status: s.status, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) })),
      hourRecords: hours.records.map((r) => ({
        needId: r.needId,
        orgId: r.organizationId,
        minutes: r.minutes,
        status: r.status,
        servedOn: new Date(r.servedOn),
      })),
      reliability: hours.reliability,
    };
  }

  async feed(principal: Principal, query: FeedQueryDto): Promise<RankedPage<FeedMatchView>> {
    const limit = query.limit ?? MATCHING.page.defaultLimit;
    const after = cursorOf('feed', query.cursor);
    const now = new Date();
    const [snapshot, hiddenOrgIds] = await Promise.all([this.snapshot(principal), this.organizations.idsWithStatusAsSystem('suspended')]);
    const facts = volunteerFacts(snapshot, now);
    const rings = MATCHING.volunteer.feedRadiiKm;
    const fetch = after ? limit : Math.max(limit, WIDEN_BELOW);
    const run = (ring: number): Promise<FeedRow[]> =>
      this.generation.feed(
        buildFeedQuery(
          snapshot,
          { now, hiddenOrgIds, includeFull: query.includeFull ?? false, limit: fetch, after, radiusKm: rings[ring] },
          facts,
        ),
      );
    // Widen only on a first page and only with coordinates (without them the county is the area); later pages keep the ring.
    let ring = Math.min(after?.ring ?? 0, rings.length - 1);
    let rows = await run(ring);
    while (!after && snapshot.location && rows.length < WIDEN_BELOW && ring < rings.length - 1) rows = await run(++ring);
    const page = rows.slice(0, limit);
    const [orgs, skillNames] = await Promise.all([
      this.organizations.summariesAsSystem(page.map((r) => r.org_id)),
      this.skillNames.names(),
    ]);
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    const data = page.map((row): FeedMatchView => {
      const explained = explainVolunteerMatch(
        row,
        {
          requiredSkills: row.required_skills,
          matchedSkills: row.matched_skills,
          distanceKm: roundKm(row.distance_km, 0.1),
          needRegion: row.region_code,
          volunteerRegion: snapshot.regionCode,
          availabilityShare: row.f_availability,
          spokenLanguages: facts.spokenLanguages,
          needMinutes: facts.servedMinutesByNeed.get(row.need_id) ?? 0,
          orgMinutes: facts.servedMinutesByOrg.get(row.org_id) ?? 0,
          reliability: snapshot.reliability,
          committedMinutes: facts.committedMinutes,
          capMinutes: facts.capMinutes,
        },
        skillNames,
      );
      const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
      return {
        needId: row.need_id,
        shiftId: row.shift_id,
        need: {
          id: row.need_id,
          organizationId: row.org_id,
          organizationName: orgName.get(row.org_id) ?? null,
          type: row.type,
          title: row.title,
          regionCode: row.region_code,
          location: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
          childContact: row.child_contact,
          requiredSkills: row.required_skills,
          minAge: row.min_age,
          status: row.need_status,
          startsAt: iso(row.need_starts_at),
          endsAt: iso(row.need_ends_at),
          targetFen: row.target_fen === null ? null : Number(row.target_fen),
          beneficiaryCount: row.beneficiary_count,
          programmeId: row.programme_id,
          publishedAt: iso(row.published_at),
          createdAt: row.need_created_at.toISOString(),
          distanceKm: roundKm(row.distance_km, 0.1),
        },
        shift: {
          id: row.shift_id,
          startsAt: row.starts_at.toISOString(),
          endsAt: row.ends_at.toISOString(),
          capacity: row.capacity,
          confirmedCount: row.confirmed_count,
          waitlistCount: row.waitlist_count,
          full: row.confirmed_count >= row.capacity,
        },
        ...explained,
        actions: { signUp: { method: 'POST', href: `/api/v1/shifts/${row.shift_id}/signups` } },
      };
    });
    const last = page[page.length - 1];
    return {
      data,
      nextCursor:
        rows.length > limit && last
          ? encodeRankedCursor('feed', { score: String(last.score), key: last.sort_key, id: last.shift_id, ring })
          : null,
      modelVersion: MATCHING.modelVersion,
    };
  }

  async candidates(principal: Principal, needId: string, query: CandidatesQueryDto): Promise<CandidatesPage> {
    const limit = query.limit ?? MATCHING.page.defaultLimit;
    const after = cursorOf('candidates', query.cursor);
    const need = await this.needs.get(principal, needId);
    assertCoordinates(principal, need.organizationId);
    if (!TAKING_SIGNUPS.has(need.status))
      throw new DomainError('need_not_open', `A ${need.status} need takes no sign-ups, so it has no candidates`);
    const now = new Date();
    const { data: shifts } = await this.shifts.list(principal, needId);
    const upcoming = (s: (typeof shifts)[number]): boolean => s.status === 'scheduled' && Date.parse(s.startsAt) > now.getTime();
    let shift = query.shiftId ? shifts.find((s) => s.id === query.shiftId) : undefined;
    if (query.shiftId && !shift) throw DomainError.validation([{ field: 'shiftId', message: 'is not a shift of this need' }]);
    if (shift && !upcoming(shift)) throw DomainError.validation([{ field: 'shiftId', message: 'has started or was cancelled' }]);
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
