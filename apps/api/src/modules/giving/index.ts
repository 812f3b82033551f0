/** The giving context's public face: other contexts import only what is exported here (a lint rule refuses deep imports). */
export { GivingModule } from './giving.module';
export { LedgerService } from './ledger.service';
export { PledgesService } from './pledges.service';
