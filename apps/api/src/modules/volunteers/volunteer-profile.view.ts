import type { VolunteerProfileView } from '@kindred/contracts';
import type { VolunteerProfileEntity } from './volunteer-profile.entity';

export function toVolunteerProfileView(p: VolunteerProfileEntity, currentCodeOfConduct: string | null): VolunteerProfileView {
  return {
    userId: p.userId,
    saved: true,
    volunteerNumber: p.volunteerNumber,
    skills: p.skills,
    languages: p.languages,
    regionCode: p.regionCode,
    location: p.lat !== null && p.lng !== null ? { lat: p.lat, lng: p.lng } : null,
    availability: p.availability,
    monthlyHourCap: p.monthlyHourCap,
    employerOrganizationId: p.employerOrgId,
    birthDate: p.birthDate,
    codeOfConductVersion: p.codeOfConductVersionAccepted,
    codeOfConductAcceptedAt: p.codeOfConductAcceptedAt?.toISOString() ?? null,
    codeOfConductCurrent: currentCodeOfConduct !== null && p.codeOfConductVersionAccepted === currentCodeOfConduct,
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** The answer before the first save: nothing recorded yet, so a client shows an empty form rather than an error. */
export function emptyVolunteerProfileView(userId: string): VolunteerProfileView {
  return {
    userId,
    saved: false,
    volunteerNumber: null,
    skills: [],
    languages: [],
    regionCode: null,
    location: null,
    availability: [],
    monthlyHourCap: null,
    employerOrganizationId: null,
    birthDate: null,
    codeOfConductVersion: null,
    codeOfConductAcceptedAt: null,
    codeOfConductCurrent: false,
    updatedAt: null,
  };
}
