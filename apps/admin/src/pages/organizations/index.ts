export { OrganizationCreatePage } from './organization-create-page';
export { OrganizationListPage } from './organization-list-page';
export { OrganizationShowPage } from './organization-show-page';
