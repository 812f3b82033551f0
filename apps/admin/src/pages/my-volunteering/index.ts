/** The volunteer persona's own screens (under `/volunteer/…`): matches, my shifts, check-in, my hours, my profile. Coordinators' view of volunteers is `pages/volunteers`. */
export { VolunteerCheckInPage } from './volunteer-check-in-page';
export { VolunteerHoursPage } from './volunteer-hours-page';
export { VolunteerMatchesPage } from './volunteer-matches-page';
export { VolunteerNeedPage } from './volunteer-need-page';
export { VolunteerProfilePage } from './volunteer-profile-page';
export { VolunteerShiftsPage } from './volunteer-shifts-page';
