export { SafeguardingAdminPage } from './safeguarding-page';
