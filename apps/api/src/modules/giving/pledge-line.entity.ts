import { Check, Column, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne } from 'typeorm';
import { PledgeEntity } from './pledge.entity';

/** One goods line of a pledge, against one of the need's items; integer quantities, never floats. */
@Entity('pledge_lines')
@Check('ck_pledge_lines_amounts', `quantity > 0 AND 0 <= used AND used <= received AND received <= quantity`)
@Index('uq_pledge_lines_item', ['pledgeId', 'itemId'], { unique: true })
export class PledgeLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  pledgeId!: string;

  @Column('uuid')
  itemId!: string;

  /** Copied from the need's item when pledged, so the trail reads the same later. */
  @Column('varchar', { length: 100 })
  name!: string;

  @Column('varchar', { length: 20 })
  unit!: string;

  @Column('int')
  quantity!: number;

  @Column('int', { default: 0 })
  received!: number;

  @Column('int', { default: 0 })
  used!: number;

  @ManyToOne(() => PledgeEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'pledge_id', foreignKeyConstraintName: 'fk_pledge_lines_pledge' })
  pledge?: PledgeEntity;
}
