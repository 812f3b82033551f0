export { CheckInDisplayPage } from './check-in-display-page';
export { ShiftRosterPage } from './shift-roster-page';
