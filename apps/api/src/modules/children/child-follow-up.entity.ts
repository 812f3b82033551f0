import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { FollowUpRole } from '@kindred/contracts';
import { ChildEntity } from './child.entity';

/** A long-term one-to-one pairing of a child with a volunteer or a social worker, with a contact cadence. */
@Entity('child_follow_ups')
@Index('ix_child_follow_ups_child', ['childId'])
@Index('ix_child_follow_ups_user', ['userId'])
@Index('ix_child_follow_ups_org', ['orgId'])
@Check('ck_child_follow_ups_cadence', 'contact_every_days > 0')
@Check('ck_child_follow_ups_dates', 'ended_on IS NULL OR ended_on >= started_on')
export class ChildFollowUpEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  orgId!: string;

  @Column('uuid')
  childId!: string;

  @Column('uuid')
  userId!: string;

  @Column('varchar', { length: 20 })
  role!: FollowUpRole;

  @Column('integer')
  contactEveryDays!: number;

  @Column('date')
  startedOn!: string;

  @Column('date', { nullable: true })
  endedOn!: string | null;

  @Column('date', { nullable: true })
  lastContactOn!: string | null;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => ChildEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'child_id', foreignKeyConstraintName: 'fk_child_follow_ups_child' })
  child?: ChildEntity;
}
