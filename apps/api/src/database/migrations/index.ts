import type { MixedList } from 'typeorm';
import { Init1795923956901 } from './1795923956901-Init';
import { Idempotency1795924703457 } from './1795924703457-Idempotency';
import { Giving1795925341324 } from './1795925341324-Giving';
import { LiveCursor1795925409361 } from './1795925409361-LiveCursor';
import { Engagement1795926109008 } from './1795926109008-Engagement';
import { VolunteersAndNeeds1795926858989 } from './1795926858989-VolunteersAndNeeds';
import { LiveNotify1795928000000 } from './1795928000000-LiveNotify';
import { Matching1795929050795 } from './1795929050795-Matching';
import { CheckInAttempts1796269233510 } from './1796269233510-CheckInAttempts';
import { SafeguardingFlagged1796280000000 } from './1796280000000-SafeguardingFlagged';
import { ShiftSeatsOwnCounts1796290000000 } from './1796290000000-ShiftSeatsOwnCounts';
import { Children1796300000000 } from './1796300000000-Children';
import { ChildrenIndexes1796300000001 } from './1796300000001-ChildrenIndexes';
import { Concerns1796310000000 } from './1796310000000-Concerns';
import { NeedBeneficiariesLinked1796320000000 } from './1796320000000-NeedBeneficiariesLinked';
import { SafeguardingRecordedByAdministrator1796330000000 } from './1796330000000-SafeguardingRecordedByAdministrator';
import { FollowUpsOfBlockedPerson1796330000001 } from './1796330000001-FollowUpsOfBlockedPerson';

/** Every migration, in order. `npm run migration:generate -- Name` writes the file; list it here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: MixedList<Function | string> = [Init1795923956901, Idempotency1795924703457, Giving1795925341324, LiveCursor1795925409361, Engagement1795926109008, VolunteersAndNeeds1795926858989, LiveNotify1795928000000, Matching1795929050795, CheckInAttempts1796269233510, SafeguardingFlagged1796280000000, ShiftSeatsOwnCounts1796290000000, Children1796300000000, ChildrenIndexes1796300000001, Concerns1796310000000, NeedBeneficiariesLinked1796320000000, SafeguardingRecordedByAdministrator1796330000000, FollowUpsOfBlockedPerson1796330000001];
