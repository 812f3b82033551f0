export { VolunteerHoursPage } from './volunteer-hours-page';
export { VolunteerMatchesPage } from './volunteer-matches-page';
export { VolunteerShiftsPage } from './volunteer-shifts-page';
