import { Check, Column, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne } from 'typeorm';
import { PledgeLineEntity } from './pledge-line.entity';
import { LedgerEntryEntity } from './ledger-entry.entity';

/** The quantity of one pledge line that a ledger entry received or used (negative in a reversal). */
@Entity('pledge_ledger_lines')
@Check('ck_ledger_lines_nonzero', `quantity <> 0`)
@Index('ix_ledger_lines_entry', ['entryId'])
@Index('ix_ledger_lines_line', ['lineId'])
export class LedgerLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  entryId!: string;

  @Column('uuid')
  lineId!: string;

  @Column('int')
  quantity!: number;

  @ManyToOne(() => LedgerEntryEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'fk_ledger_lines_entry' })
  entry?: LedgerEntryEntity;

  @ManyToOne(() => PledgeLineEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'line_id', foreignKeyConstraintName: 'fk_ledger_lines_line' })
  line?: PledgeLineEntity;
}
