import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('invitations')
@Index('uq_invitations_open', ['shiftId', 'userId'], { unique: true, where: `status = 'pending'` })
@Index('ix_invitations_user', ['userId', 'status'])
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  shiftId!: string;

  @Column('uuid')
  needId!: string;

  @Column('uuid')
  orgId!: string;

  @Column('uuid')
  userId!: string;

  @Column('uuid')
  invitedBy!: string;

  @Column('varchar', { length: 12, default: 'pending' })
  status!: 'pending' | 'accepted' | 'declined';

  @Column('varchar', { length: 300, nullable: true })
  message!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
