/** Coordinators' view of the volunteers resource (directory, safeguarding). The volunteer persona's own screens are `pages/my-volunteering`. */
export { VolunteersPage } from './volunteers-page';
