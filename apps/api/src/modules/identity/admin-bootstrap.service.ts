import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit';
import { normalizeLogin } from './login.util';
import { PasswordService } from './password.service';
import { UsersRepository } from './users.repository';

/** Creates or updates the platform administrator from ADMIN_LOGIN / ADMIN_PASSWORD; idempotent. */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.admin) return;
    await this.ensureAdmin(this.config.admin.login, this.config.admin.password);
  }

  async ensureAdmin(loginText: string, password: string): Promise<string> {
    const login = normalizeLogin(loginText);
    if (!login) throw new Error('ADMIN_LOGIN: must be an e-mail address or a mainland mobile number');
    return this.transactions.run(async (tx) => {
      const existing = await this.users.findByLogin(login, tx);
      if (!existing) {
        const created = await this.users.insertIfFree(tx, {
          email: login.kind === 'email' ? login.value : null,
          phone: login.kind === 'phone' ? login.value : null,
          passwordHash: await this.passwords.hash(password),
          displayName: '平台管理员',
          locale: 'zh-CN',
          isPlatformAdmin: true,
        });
        // Another replica starting at the same moment created it first: fall through to the update path.
        if (!created) return this.ensureAdmin(loginText, password);
        await this.audit.record(tx, { action: 'admin.bootstrapped', entityType: 'user', entityId: created.id, actorUserId: null });
        this.logger.log('Platform administrator created');
        return created.id;
      }
      // Re-hash only when the configured password changed, so restarts cost nothing.
      const samePassword = await this.passwords.verify(existing.passwordHash, password);
      if (!samePassword || !existing.isPlatformAdmin) {
        await this.users.update(tx, existing.id, {
          isPlatformAdmin: true,
          ...(samePassword ? {} : { passwordHash: await this.passwords.hash(password) }),
        });
        await this.audit.record(tx, {
          action: 'admin.updated',
          entityType: 'user',
          entityId: existing.id,
          actorUserId: null,
          diff: { passwordChanged: !samePassword },
        });
      }
      return existing.id;
    });
  }
}
