import { CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Column } from 'typeorm';

/** Siblings share one household; a child registered alone gets its own. */
@Entity('child_households')
@Index('ix_child_households_org', ['orgId'])
export class ChildHouseholdEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  orgId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
