export { DonorPledgesPage } from './donor-pledges-page';
