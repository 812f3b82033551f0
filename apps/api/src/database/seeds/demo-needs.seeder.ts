import { Injectable } from '@nestjs/common';
import type { NeedType } from '@kindred/contracts';
import type { Principal } from '../../common/auth/principal';
import { NeedAuthoringService } from '../../modules/needs/need-authoring.service';
import { NeedTransitionsService } from '../../modules/needs/need-transitions.service';
import { ProgrammesService } from '../../modules/needs/programmes.service';
import { ShiftsService } from '../../modules/needs/shifts.service';
import { CodeOfConductService } from '../../modules/volunteers/code-of-conduct.service';
import { SafeguardingService } from '../../modules/volunteers/safeguarding.service';
import { VolunteerProfilesService } from '../../modules/volunteers/volunteer-profiles.service';
import { DEMO_NEEDS, DEMO_VOLUNTEER_PROFILES, type DemoShiftPlan } from './demo-data';

const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3600_000;

/** The Beijing calendar date `days` from now, as YYYY-MM-DD. */
function beijingDate(days: number, now = new Date()): string {
  return new Date(now.getTime() + BEIJING_MS + days * DAY_MS).toISOString().slice(0, 10);
}

const at = (date: string, hhmm: string): string => `${date}T${hhmm}:00+08:00`;

/** The next camp year: this July unless mid-June has passed. */
function campYear(now = new Date()): number {
  const today = beijingDate(0, now);
  const year = Number(today.slice(0, 4));
  return today.slice(5) < '06-15' ? year : year + 1;
}

export interface DemoNeedIds {
  needs: Record<string, string>;
  programmeId: string;
}

/**
 * The volunteers' and needs' part of the demo: profiles, a valid
 * safeguarding check and the accepted code of conduct for `volunteer`, a
 * summer programme, and needs of every type with their shifts (all dates
 * relative to today, so the demo never shows a past schedule).
 */
@Injectable()
export class DemoNeedsSeeder {
  constructor(
    private readonly profiles: VolunteerProfilesService,
    private readonly codeOfConduct: CodeOfConductService,
    private readonly safeguarding: SafeguardingService,
    private readonly needs: NeedAuthoringService,
    private readonly transitions: NeedTransitionsService,
    private readonly shifts: ShiftsService,
    private readonly programmes: ProgrammesService,
  ) {}

  async seed(
    people: { volunteer: Principal; volunteer2: Principal; employee: Principal; coordinator: Principal },
    orgs: { ngo: string; company: string },
  ): Promise<DemoNeedIds> {
    await this.profiles.upsert(people.volunteer, DEMO_VOLUNTEER_PROFILES.volunteer);
    await this.profiles.upsert(people.volunteer2, DEMO_VOLUNTEER_PROFILES.volunteer2);
    await this.profiles.upsert(people.employee, { ...DEMO_VOLUNTEER_PROFILES.employee, employerOrganizationId: orgs.company });
    await this.codeOfConduct.accept(people.volunteer, (await this.codeOfConduct.current()).version);
    await this.safeguarding.record(people.coordinator, people.volunteer.userId, {
      kind: 'entry_inquiry',
      result: 'clear',
      checkedAt: at(beijingDate(-20), '10:00'),
      issuingAuthority: 'public_security',
      reference: '隆公（入职查询）〔演示〕001号',
      organizationId: orgs.ngo,
    });

    const year = campYear();
    const programme = await this.programmes.create(people.coordinator, { organizationId: orgs.ngo, name: `${year} 暑期夏令营`, year });
    const ids: Record<string, string> = {};
    for (const spec of DEMO_NEEDS) {
      const need = await this.needs.create(people.coordinator, {
        organizationId: orgs.ngo,
        type: spec.type as NeedType,
        title: spec.title,
        description: spec.description,
        regionCode: spec.regionCode,
        place: spec.place,
        ...(spec.location ? { location: spec.location } : {}),
        requiredSkills: spec.requiredSkills,
        beneficiaryCount: spec.beneficiaryCount,
        ...(spec.minAge !== undefined ? { minAge: spec.minAge } : {}),
        ...(spec.items ? { items: spec.items } : {}),
        ...(spec.targetFen ? { targetFen: spec.targetFen } : {}),
        ...(spec.inSummerProgramme
          ? { programmeId: programme.id, startsAt: at(`${year}-07-13`, '08:00'), endsAt: at(`${year}-07-17`, '17:00') }
          : {}),
      });
      ids[spec.key] = need.id;
      for (const plan of spec.shifts) await this.shifts.create(people.coordinator, need.id, this.shiftBody(plan, year));
      if (spec.status !== 'draft') await this.transitions.publish(people.coordinator, need.id);
      if (spec.status === 'in_progress') await this.transitions.changeStatus(people.coordinator, need.id, 'in_progress', null);
    }
    return { needs: ids, programmeId: programme.id };
  }

  private shiftBody(
    plan: DemoShiftPlan,
    year: number,
  ): { startsAt: string; endsAt: string; capacity: number; rrule?: string; until?: string } {
    switch (plan.kind) {
      case 'once': {
        const date = beijingDate(plan.inDays);
        return { startsAt: at(date, plan.from), endsAt: at(date, plan.to), capacity: plan.capacity };
      }
      case 'weekly': {
        const weekday = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'].indexOf(plan.byDay);
        let offset = plan.inDays;
        while (new Date(`${beijingDate(offset)}T00:00:00Z`).getUTCDay() !== weekday) offset += 1;
        const first = beijingDate(offset);
        return {
          startsAt: at(first, plan.from),
          endsAt: at(first, plan.to),
          capacity: plan.capacity,
          rrule: `FREQ=WEEKLY;BYDAY=${plan.byDay}`,
          until: beijingDate(offset + (plan.weeks - 1) * 7),
        };
      }
      case 'summer_camp':
        return { startsAt: at(`${year}-07-13`, '08:00'), endsAt: at(`${year}-07-17`, '17:00'), capacity: plan.capacity };
    }
  }
}
