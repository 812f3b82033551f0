/** The live context's public face: other contexts import only what is exported here (a lint rule refuses deep imports). */
export { LiveOutboxModule } from './live-outbox.module';
export { NEED_ACCESS, type NeedAccess, type NeedSubscription } from './need-access';
export { OutboxService, type EventAudience } from './outbox.service';
export { ChangeRecorder, changeEvent, type Change, type ChangeEvent } from './change-recorder';
