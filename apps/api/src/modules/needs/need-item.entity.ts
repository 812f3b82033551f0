import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NeedEntity } from './need.entity';

/** One goods line of a need (冬衣 40 件); pledges refer to it by id. */
@Entity('need_items')
@Index('ix_need_items_need', ['needId', 'position'])
@Check('ck_need_items_quantity', 'quantity > 0')
export class NeedItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  needId!: string;

  @Column('varchar', { length: 100 })
  name!: string;

  @Column('varchar', { length: 20 })
  unit!: string;

  @Column('int')
  quantity!: number;

  /** Order as the coordinator listed them. */
  @Column('int', { default: 0 })
  position!: number;

  @ManyToOne(() => NeedEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'need_id', foreignKeyConstraintName: 'fk_need_items_need' })
  need?: NeedEntity;
}
