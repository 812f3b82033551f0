import type { AvailabilitySlot } from '@kindred/contracts';
import type { VolunteerSnapshot } from '../../modules/matching/volunteer-snapshot';

/**
 * A synthetic county-scale population for `npm run match:eval`, and the
 * ground truth it is judged by.
 *
 * Ground truth is an independent "would this volunteer really take this
 * shift" utility (judge() below), deliberately not the model's formula:
 * multiplicative (a shift you cannot do, cannot reach or are never free for
 * is worth nothing whatever else it has), with step functions of distance
 * from the volunteer's real home (which 15 % of profiles do not give), skill
 * coverage and the share of the shift in their weekly availability, and a
 * bonus for the same need or organisation as before. Grades: utility ≥ 0.8 →
 * 3, ≥ 0.5 → 2, ≥ 0.3 → 1. Eligibility (safeguarding, age, overlaps, full,
 * drafts, cancelled, suspended organisations) is decided here again in plain
 * code, so the SQL's hard filters are checked against a second implementation.
 *
 * Every test volunteer gets planted needs around their home: the best matches
 * (near, their skills, when they are free; one they served before), good
 * ones (a few km away; no particular skill; half in their time; 10 km
 * away), plausible but wrong ones (skills they lack; never when they are
 * free; 20 km away) and ones they must never see, among a few thousand random
 * background needs (which the same judge grades, so an accidental good match
 * is not counted against the model). Each volunteer is evaluated with only
 * their own planted needs added to the background. Deterministic for a seed.
 */

export interface SyntheticShift {
  id: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  confirmedCount: number;
}

export interface SyntheticNeed {
  id: string;
  orgId: string;
  regionCode: string;
  lat: number;
  lng: number;
  requiredSkills: string[];
  childContact: boolean;
  minAge: number | null;
  status: 'open' | 'draft' | 'cancelled';
  shifts: SyntheticShift[];
}

export interface SyntheticVolunteer {
  snapshot: VolunteerSnapshot;
  /** Where they really live (the profile may not say). */
  home: { lat: number; lng: number };
  /** Needs planted around them, added to the background while they are evaluated. */
  planted: SyntheticNeed[];
}

export interface Population {
  orgs: Array<{ id: string; status: 'verified' | 'suspended' }>;
  background: SyntheticNeed[];
  volunteers: SyntheticVolunteer[];
}

const SKILLS = [
  'tutoring_chinese',
  'tutoring_math',
  'tutoring_english',
  'homework_help',
  'reading',
  'companionship',
  'counselling',
  'social_work',
  'family_visit',
  'first_aid',
  'health_education',
  'handicraft',
  'music',
  'fine_arts',
  'dance',
  'sports',
  'drowning_prevention',
  'cooking',
  'computer_skills',
  'legal_aid',
  'safety_education',
  'event_organising',
];

/** 隆回县 and its neighbours: county code → a synthetic centre (townships sit on a grid around it, ~7 km apart). */
const COUNTIES: ReadonlyArray<{ code: string; lat: number; lng: number }> = [
  { code: '430524', lat: 27.11, lng: 111.03 },
  { code: '430523', lat: 27.0, lng: 111.35 },
  { code: '430525', lat: 27.15, lng: 110.72 },
];
const TOWNSHIPS_PER_COUNTY = 16;
const KM_LAT = 111.195;

/** mulberry32: small, fast, good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generatePopulation(options: { seed: number; volunteers: number; backgroundNeeds: number; now: Date }): Population {
  const random = prng(options.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const sample = <T>(items: readonly T[], n: number): T[] => {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]);
    return out;
  };
  let serial = 0;
  const uuid = (): string => {
    serial += 1;
    const hex = serial.toString(16).padStart(12, '0');
    return `${Math.floor(random() * 0xffffffff)
      .toString(16)
      .padStart(8, '0')}-0000-4000-8000-${hex}`;
  };

  const townships = COUNTIES.flatMap((county) =>
    Array.from({ length: TOWNSHIPS_PER_COUNTY }, (_, i) => ({
      code: `${county.code}${String(101 + i)}`,
      lat: county.lat + (Math.floor(i / 4) - 1.5) * 0.065,
      lng: county.lng + ((i % 4) - 1.5) * 0.072,
    })),
  );
  /** A point `km` away from (lat, lng) in a random direction. */
  const away = (lat: number, lng: number, km: number): { lat: number; lng: number } => {
    const angle = random() * 2 * Math.PI;
    return { lat: lat + (km * Math.sin(angle)) / KM_LAT, lng: lng + (km * Math.cos(angle)) / (KM_LAT * Math.cos((lat * Math.PI) / 180)) };
  };
  const nearestTownship = (lat: number, lng: number): string =>
    townships.reduce((best, t) => ((t.lat - lat) ** 2 + (t.lng - lng) ** 2 < (best.lat - lat) ** 2 + (best.lng - lng) ** 2 ? t : best))
      .code;

  // Beijing wall clock → instant (UTC+8, no daylight saving).
  const today = new Date(options.now.getTime() + 8 * 3600_000);
  const at = (dayOffset: number, minuteOfDay: number): Date =>
    new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + dayOffset, 0, minuteOfDay) - 8 * 3600_000);
  const weekdayOf = (dayOffset: number): number =>
    new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + dayOffset)).getUTCDay() || 7;
  /** A day 3–56 days ahead falling on `weekday`. */
  const dayOn = (weekday: number): number => {
    const first = [3, 4, 5, 6, 7, 8, 9].find((d) => weekdayOf(d) === weekday)!;
    return first + 7 * int(0, 6);
  };

  const orgs = Array.from({ length: 60 }, (_, i) => ({
    id: uuid(),
    status: (i < 2 ? 'suspended' : 'verified') as 'verified' | 'suspended',
  }));
  const verifiedOrgs = orgs.filter((o) => o.status === 'verified');
  const suspendedOrg = orgs[0];
  let needs: SyntheticNeed[] = [];

  const addNeed = (
    n: Omit<SyntheticNeed, 'id' | 'shifts' | 'regionCode'> & { regionCode?: string },
    shifts: Array<Omit<SyntheticShift, 'id'>>,
  ): SyntheticNeed => {
    const need: SyntheticNeed = {
      id: uuid(),
      regionCode: n.regionCode ?? nearestTownship(n.lat, n.lng),
      ...n,
      shifts: shifts.map((s) => ({ id: uuid(), ...s })),
    };
    needs.push(need);
    return need;
  };
  const shift = (day: number, fromMinute: number, minutes: number, capacity = 5, confirmedCount = 0): Omit<SyntheticShift, 'id'> => ({
    startsAt: at(day, fromMinute),
    endsAt: at(day, fromMinute + minutes),
    capacity,
    confirmedCount,
  });

  for (let i = 0; i < options.backgroundNeeds; i++) {
    const home = pick(townships);
    const place = away(home.lat, home.lng, random() * 5);
    const skills = random() < 0.2 ? [] : sample(SKILLS, int(1, 2));
    addNeed(
      {
        orgId: pick(verifiedOrgs).id,
        ...place,
        requiredSkills: skills,
        childContact: random() < 0.5,
        minAge: random() < 0.1 ? 18 : null,
        status: 'open',
      },
      Array.from({ length: int(1, 2) }, () =>
        shift(int(2, 56), int(8, 19) * 60 + pick([0, 30]), pick([90, 120, 180]), 5, random() < 0.1 ? 5 : int(0, 3)),
      ),
    );
  }

  const background = needs;
  const volunteers: SyntheticVolunteer[] = [];
  for (let v = 0; v < options.volunteers; v++) {
    needs = [];
    const home = pick(townships.filter((t) => t.code.startsWith('430524')));
    const here = away(home.lat, home.lng, random() * 2);
    const skills = sample(SKILLS, int(2, 4));
    const lacking = SKILLS.filter((s) => !skills.includes(s));
    const slots: AvailabilitySlot[] = sample([1, 2, 3, 4, 5, 6, 7], int(2, 3)).map((weekday) => {
      const from = pick([8, 9, 14, 15, 19]);
      return { weekday, from: `${String(from).padStart(2, '0')}:00`, to: `${String(from + 3).padStart(2, '0')}:00` };
    });
    const freeDays = [1, 2, 3, 4, 5, 6, 7].filter((d) => !slots.some((s) => s.weekday === d));
    const young = random() < 0.2;
    const cleared = random() < 0.5;
    const hourRecords: VolunteerSnapshot['hourRecords'][number][] = [];
    const signups: VolunteerSnapshot['signups'][number][] = [];
    const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60;
    /** Two hours inside one of the volunteer's three-hour slots. */
    const inSlot = (): Omit<SyntheticShift, 'id'> => {
      const slot = pick(slots);
      return shift(dayOn(slot.weekday), minutesOf(slot.from) + pick([0, 60]), 120);
    };
    /** Half in a slot: starts an hour before it. */
    const halfInSlot = (): Omit<SyntheticShift, 'id'> => {
      const slot = pick(slots);
      return shift(dayOn(slot.weekday), minutesOf(slot.from) - 60, 120);
    };
    /** Never when they are free: late evening of a day without a slot. */
    const outsideSlots = (): Omit<SyntheticShift, 'id'> => shift(dayOn(pick(freeDays)), 22 * 60, 90);
    const plant = (
      km: number,
      requiredSkills: string[],
      when: Omit<SyntheticShift, 'id'>,
      extra: Partial<SyntheticNeed> = {},
    ): SyntheticNeed =>
      addNeed(
        {
          orgId: pick(verifiedOrgs).id,
          ...away(here.lat, here.lng, km),
          requiredSkills,
          childContact: false,
          minAge: null,
          status: 'open',
          ...extra,
        },
        [when],
      );

    // The best: near, their skills, when they are free (one they served before).
    const served = plant(0.5 + random() * 1.5, sample(skills, 1), inSlot());
    hourRecords.push({ needId: served.id, orgId: served.orgId, minutes: 120, status: 'verified', servedOn: at(-30, 9 * 60) });
    plant(0.5 + random() * 2, sample(skills, int(1, 2)), inSlot());
    plant(0.5 + random() * 2, sample(skills, 1), inSlot());
    // Good ones.
    for (let i = 0; i < 2; i++) plant(4 + random() * 3, sample(skills, 1), inSlot());
    for (let i = 0; i < 2; i++) plant(0.5 + random() * 2.5, [], inSlot());
    for (let i = 0; i < 2; i++) plant(0.5 + random() * 2.5, sample(skills, 1), halfInSlot());
    for (let i = 0; i < 2; i++) plant(9 + random() * 5, sample(skills, 1), inSlot());
    // Plausible but wrong.
    for (let i = 0; i < 2; i++) plant(random() * 3, sample(lacking, 2), inSlot());
    for (let i = 0; i < 2; i++) plant(random() * 3, sample(skills, 1), outsideSlots());
    plant(20 + random() * 5, sample(skills, 1), inSlot());
    // Never to be shown.
    if (!cleared) plant(random() * 2, sample(skills, 1), inSlot(), { childContact: true });
    if (young) plant(random() * 2, sample(skills, 1), inSlot(), { minAge: 18 });
    plant(random() * 2, sample(skills, 1), { ...inSlot(), capacity: 3, confirmedCount: 3 });
    plant(random() * 2, sample(skills, 1), inSlot(), { status: 'draft' });
    plant(random() * 2, sample(skills, 1), inSlot(), { status: 'cancelled' });
    plant(random() * 2, sample(skills, 1), inSlot(), { orgId: suspendedOrg.id });
    // A shift they hold early on a day they are otherwise not free, and a need overlapping it.
    const held = shift(dayOn(pick(freeDays)), 6 * 60, 120);
    signups.push({ shiftId: uuid(), status: 'confirmed', startsAt: held.startsAt, endsAt: held.endsAt });
    plant(random() * 2, sample(skills, 1), {
      ...held,
      startsAt: new Date(held.startsAt.getTime() + 30 * 60_000),
      endsAt: new Date(held.endsAt.getTime() + 30 * 60_000),
    });

    volunteers.push({
      snapshot: {
        userId: uuid(),
        skills,
        languages: random() < 0.7 ? ['普通话', '湘语'] : ['普通话'],
        regionCode: nearestTownship(here.lat, here.lng),
        location: random() < 0.85 ? here : null,
        availability: slots,
        monthlyHourCap: pick([null, 10, 20, 40]),
        birthDate: young ? '2010-03-01' : '1996-09-15',
        childContactUntil: cleared ? new Date(options.now.getTime() + 365 * 86_400_000) : null,
        signups,
        hourRecords,
        reliability: Math.round((0.5 + random() * 0.5) * 1000) / 1000,
      },
      home: here,
      planted: needs,
    });
  }
  return { orgs, background, volunteers };
}

const HORIZON_MS = 90 * 86_400_000;

function ageOn(birthDate: string, on: Date): number {
  const birth = new Date(`${birthDate}T00:00:00Z`);
  let age = on.getUTCFullYear() - birth.getUTCFullYear();
  if (on.getUTCMonth() < birth.getUTCMonth() || (on.getUTCMonth() === birth.getUTCMonth() && on.getUTCDate() < birth.getUTCDate()))
    age -= 1;
  return age;
}

/** Whether the volunteer may be offered the shift at all (the rules of engagement and needs, written out again). */
export function eligible(
  volunteer: SyntheticVolunteer,
  need: SyntheticNeed,
  shift: SyntheticShift,
  hiddenOrgIds: ReadonlySet<string>,
  now: Date,
): boolean {
  const v = volunteer.snapshot;
  if (need.status !== 'open' || hiddenOrgIds.has(need.orgId)) return false;
  if (shift.startsAt.getTime() <= now.getTime() || shift.startsAt.getTime() > now.getTime() + HORIZON_MS) return false;
  if (shift.confirmedCount >= shift.capacity) return false;
  if (need.childContact && !(v.childContactUntil && shift.endsAt.getTime() <= v.childContactUntil.getTime())) return false;
  if (need.minAge !== null && !(v.birthDate && ageOn(v.birthDate, shift.startsAt) >= need.minAge)) return false;
  return !v.signups.some(
    (s) => s.status === 'confirmed' && s.startsAt.getTime() < shift.endsAt.getTime() && shift.startsAt.getTime() < s.endsAt.getTime(),
  );
}

/** Share of the shift within the weekly slots (Beijing time), from the wall clock rather than the model's week-line arithmetic. */
function freeShare(slots: readonly AvailabilitySlot[], shift: SyntheticShift): number {
  let covered = 0;
  const total = (shift.endsAt.getTime() - shift.startsAt.getTime()) / 60_000;
  for (let t = shift.startsAt.getTime(); t < shift.endsAt.getTime(); t += 15 * 60_000) {
    const local = new Date(t + 8 * 3600_000);
    const weekday = local.getUTCDay() || 7;
    const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
    const inSlot = slots.some(
      (s) =>
        s.weekday === weekday &&
        minute >= Number(s.from.slice(0, 2)) * 60 + Number(s.from.slice(3)) &&
        minute < Number(s.to.slice(0, 2)) * 60 + Number(s.to.slice(3)),
    );
    if (inSlot) covered += 15;
  }
  return covered / total;
}

function kmBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** How likely the volunteer is to take the shift, 0 … 1.3 (see the file's comment). */
export function utility(volunteer: SyntheticVolunteer, need: SyntheticNeed, shift: SyntheticShift): number {
  const v = volunteer.snapshot;
  const held = need.requiredSkills.filter((s) => v.skills.includes(s)).length;
  const can = need.requiredSkills.length === 0 ? 0.7 : held === need.requiredSkills.length ? 1 : held > 0 ? 0.35 : 0;
  const km = kmBetween(volunteer.home, need);
  const travel = km <= 3 ? 1 : km <= 8 ? 0.8 : km <= 15 ? 0.45 : km <= 25 ? 0.15 : 0;
  const share = freeShare(v.availability, shift);
  const free = share >= 0.99 ? 1 : share >= 0.5 ? 0.6 : share > 0 ? 0.25 : 0.05;
  const servedNeed = v.hourRecords.some((r) => r.status === 'verified' && r.needId === need.id);
  const servedOrg = v.hourRecords.some((r) => r.status === 'verified' && r.orgId === need.orgId);
  return can * travel * free * (servedNeed ? 1.3 : servedOrg ? 1.1 : 1);
}

export interface Judgement {
  /** Grade (1–3) of every relevant need; anything else is irrelevant. */
  grades: Map<string, number>;
  /** Needs with a shift the volunteer may be offered. */
  eligible: Set<string>;
}

/** The ground truth for one volunteer over the needs they could be shown. */
export function judge(
  volunteer: SyntheticVolunteer,
  needs: readonly SyntheticNeed[],
  hiddenOrgIds: ReadonlySet<string>,
  now: Date,
): Judgement {
  const grades = new Map<string, number>();
  const allowed = new Set<string>();
  for (const need of needs) {
    let best = -1;
    for (const shift of need.shifts)
      if (eligible(volunteer, need, shift, hiddenOrgIds, now)) best = Math.max(best, utility(volunteer, need, shift));
    if (best < 0) continue;
    allowed.add(need.id);
    const grade = best >= 0.8 ? 3 : best >= 0.5 ? 2 : best >= 0.3 ? 1 : 0;
    if (grade > 0) grades.set(need.id, grade);
  }
  return { grades, eligible: allowed };
}
