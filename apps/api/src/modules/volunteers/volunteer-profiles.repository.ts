import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import { VolunteerProfileEntity } from './volunteer-profile.entity';

export type ProfileFields = Pick<
  VolunteerProfileEntity,
  'skills' | 'languages' | 'regionCode' | 'lat' | 'lng' | 'availability' | 'monthlyHourCap' | 'employerOrgId' | 'birthDate'
>;

@Injectable()
export class VolunteerProfilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx ? managerOf(tx) : this.dataSource.manager;
  }

  find(userId: string, tx?: Tx): Promise<VolunteerProfileEntity | null> {
    return this.manager(tx).findOneBy(VolunteerProfileEntity, { userId });
  }

  /** Locks the volunteer's row (or nothing, when there is none yet). */
  lock(tx: Tx, userId: string): Promise<VolunteerProfileEntity | null> {
    return managerOf(tx)
      .createQueryBuilder(VolunteerProfileEntity, 'p')
      .setLock('pessimistic_write')
      .where('p.user_id = :userId', { userId })
      .getOne();
  }

  /** The next serial for a unified volunteer number; a sequence, so concurrent registrations never collide. */
  async nextSerial(tx: Tx): Promise<number> {
    const [row]: Array<{ serial: string }> = await managerOf(tx).query(`SELECT nextval('volunteer_number_seq') AS serial`);
    return Number(row.serial);
  }

  /**
   * Creates the profile, or does nothing when a concurrent request created it
   * first (the caller then updates it); true when this call created it.
   */
  async insertIfAbsent(tx: Tx, userId: string, volunteerNumber: string, fields: ProfileFields): Promise<boolean> {
    const result = await managerOf(tx)
      .createQueryBuilder()
      .insert()
      .into(VolunteerProfileEntity)
      .values({ userId, volunteerNumber, ...fields })
      .orIgnore()
      .returning(['userId'])
      .execute();
    return result.raw.length === 1;
  }

  async update(tx: Tx, userId: string, fields: ProfileFields): Promise<void> {
    await managerOf(tx).update(VolunteerProfileEntity, { userId }, fields);
  }

  async acceptCodeOfConduct(tx: Tx, userId: string, version: string, at: Date): Promise<void> {
    await managerOf(tx).update(VolunteerProfileEntity, { userId }, { codeOfConductVersionAccepted: version, codeOfConductAcceptedAt: at });
  }
}
