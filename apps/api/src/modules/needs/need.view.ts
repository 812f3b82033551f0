import type { NeedSummaryView, NeedView, ProgrammeView, ShiftView } from '@kindred/contracts';
import type { NeedItemEntity } from './need-item.entity';
import type { NeedEntity } from './need.entity';
import type { NeedSearchRow } from './needs.repository';
import type { ProgrammeEntity } from './programme.entity';
import type { ShiftRow } from './shifts.repository';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const point = (lat: number | null, lng: number | null): NeedSummaryView['location'] => (lat !== null && lng !== null ? { lat, lng } : null);

export function toNeedView(n: NeedEntity, items: NeedItemEntity[], organizationName: string | null): NeedView {
  return {
    id: n.id,
    organizationId: n.orgId,
    organizationName,
    type: n.type,
    title: n.title,
    description: n.description,
    regionCode: n.regionCode,
    place: n.place,
    location: point(n.lat, n.lng),
    childContact: n.childContact,
    requiredSkills: n.requiredSkills,
    minAge: n.minAge,
    status: n.status,
    startsAt: iso(n.startsAt),
    endsAt: iso(n.endsAt),
    targetFen: n.targetFen,
    beneficiaryCount: n.beneficiaryCount,
    programmeId: n.programmeId,
    items: items.map((i) => ({ id: i.id, name: i.name, unit: i.unit, quantity: i.quantity })),
    publishedAt: iso(n.publishedAt),
    cancelReason: n.cancelReason,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}

export function toNeedSummaryView(r: NeedSearchRow, organizationName: string | null): NeedSummaryView {
  return {
    id: r.id,
    organizationId: r.org_id,
    organizationName,
    type: r.type,
    title: r.title,
    regionCode: r.region_code,
    location: point(r.lat, r.lng),
    childContact: r.child_contact,
    requiredSkills: r.required_skills,
    minAge: r.min_age,
    status: r.status,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    targetFen: r.target_fen === null ? null : Number(r.target_fen),
    beneficiaryCount: r.beneficiary_count,
    programmeId: r.programme_id,
    publishedAt: iso(r.published_at),
    createdAt: r.created_at.toISOString(),
    ...(r.distance_km !== undefined ? { distanceKm: Math.round(r.distance_km * 100) / 100 } : {}),
  };
}

export function toShiftView(s: ShiftRow): ShiftView {
  return {
    id: s.id,
    needId: s.needId,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    capacity: s.capacity,
    confirmedCount: s.confirmedCount,
    waitlistCount: s.waitlistCount,
    seriesId: s.seriesId,
    status: s.status,
  };
}

export function toProgrammeView(p: ProgrammeEntity): ProgrammeView {
  return { id: p.id, organizationId: p.orgId, name: p.name, year: p.year, createdAt: p.createdAt.toISOString() };
}
