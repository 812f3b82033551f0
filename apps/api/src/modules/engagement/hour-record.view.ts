import type { HourRecordView } from '@kindred/contracts';
import type { HourRecordEntity } from './hour-record.entity';

export const toHourRecordView = (r: HourRecordEntity): HourRecordView => ({
  id: r.id,
  signupId: r.signupId,
  shiftId: r.shiftId,
  needId: r.needId,
  organizationId: r.orgId,
  minutes: r.minutes,
  servedOn: r.servedOn.toISOString(),
  status: r.status,
  flag: r.flag,
  reversesId: r.reversesId,
  note: r.note,
});
