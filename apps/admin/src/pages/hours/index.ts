export { HoursPage } from './hours-page';
