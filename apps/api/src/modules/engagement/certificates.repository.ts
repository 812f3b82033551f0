import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../common/database/sql';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import { CertificateEntity } from './certificate.entity';

@Injectable()
export class CertificatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The next number: KC-<year>-<six digits>, from a sequence so numbers are unique across replicas. */
  async nextNumber(tx: Tx, year: number): Promise<string> {
    const [row]: Array<{ n: string }> = await managerOf(tx).query(`SELECT nextval('certificate_number_seq') AS n`);
    return `KC-${year}-${row.n.padStart(6, '0')}`;
  }

  async insert(
    tx: Tx,
    certificate: Pick<CertificateEntity, 'number' | 'orgId' | 'userId' | 'totalMinutes' | 'document'>,
  ): Promise<CertificateEntity> {
    const manager = managerOf(tx);
    return manager.save(manager.create(CertificateEntity, certificate));
  }

  findById(id: string): Promise<CertificateEntity | null> {
    return this.dataSource.manager.findOneBy(CertificateEntity, { id });
  }

  findByNumber(number: string): Promise<CertificateEntity | null> {
    return this.dataSource.manager.findOneBy(CertificateEntity, { number });
  }

  ofUser(userId: string): Promise<CertificateEntity[]> {
    return this.dataSource.manager.find(CertificateEntity, { where: { userId }, order: { issuedAt: 'DESC' } });
  }

  async revoke(tx: Tx, id: string, by: string, reason: string): Promise<boolean> {
    const rows: unknown[] = await rowsOf(
      managerOf(tx),
      'UPDATE certificates SET revoked_at = now(), revoked_by = $2, revoke_reason = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
      [id, by, reason],
    );
    return rows.length === 1;
  }
}
