export { VolunteerCheckInPage } from './volunteer-check-in-page';
export { VolunteerHoursPage } from './volunteer-hours-page';
export { VolunteerMatchesPage } from './volunteer-matches-page';
export { VolunteerNeedPage } from './volunteer-need-page';
export { VolunteerProfilePage } from './volunteer-profile-page';
export { VolunteerShiftsPage } from './volunteer-shifts-page';
