import { Injectable } from '@nestjs/common';
import type { FeedMatchView, RankedPage } from '@kindred/contracts';
import type { Principal } from '../../common/auth/principal';
import { HoursService, SignupListsService } from '../engagement';
import { OrganizationsService } from '../identity';
import { CodeOfConductService, SafeguardingService, VolunteerProfilesService } from '../volunteers';
import { CandidateGenerationRepository } from './candidate-generation.repository';
import type { FeedQueryDto } from './dto/match-queries.dto';
import { buildFeedQuery, type FeedRow } from './sql/feed.sql';
import { MATCHING } from './matching.config';
import { encodeRankedCursor } from './ranked-cursor';
import { cursorOf, roundKm, WIDEN_BELOW } from './ranked-lists';
import { explainVolunteerMatch } from './reasons';
import { SkillNamesCache } from './skill-names';
import { volunteerFacts, type VolunteerSnapshot } from './volunteer-snapshot';
import { MatchingErrors } from './matching.errors';

/**
 * The volunteer's feed: what the volunteers and engagement contexts know of the caller (their services),
 * one ranking statement (candidate-generation.repository.ts), and the reasons of each row.
 */
@Injectable()
export class FeedService {
  constructor(
    private readonly generation: CandidateGenerationRepository,
    private readonly profiles: VolunteerProfilesService,
    private readonly codeOfConduct: CodeOfConductService,
    private readonly safeguarding: SafeguardingService,
    private readonly signups: SignupListsService,
    private readonly hours: HoursService,
    private readonly organizations: OrganizationsService,
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
      throw MatchingErrors.profileFirst();
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
}
