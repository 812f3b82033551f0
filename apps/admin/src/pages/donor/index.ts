export { CompanyGivingPage } from './company-giving-page';
export { DonorNeedPage } from './donor-need-page';
export { DonorNeedsPage } from './donor-needs-page';
export { DonorPledgesPage } from './donor-pledges-page';
