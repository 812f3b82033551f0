export { OrgPledgesPage } from './org-pledges-page';
export { PledgeShowPage } from './pledge-show-page';
