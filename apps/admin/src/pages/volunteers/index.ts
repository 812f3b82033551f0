export { VolunteersPage } from './volunteers-page';
