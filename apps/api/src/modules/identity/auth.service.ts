import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthResponse, Locale } from '@kindred/contracts';
import { TransactionRunner, type Tx } from '../../common/database/transaction-runner';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit';
import { normalizeEmail, normalizeLogin, normalizePhone } from './login.util';
import { PasswordService } from './password.service';
import { SessionsRepository } from './sessions.repository';
import { hashRefreshToken, TokensService } from './tokens.service';
import type { UserEntity } from './user.entity';
import { toUserView } from './user.view';
import { UsersRepository } from './users.repository';
import { IdentityErrors } from './identity.errors';

export type LoginResult = AuthResponse;

export interface RegisterInput {
  email?: string;
  phone?: string;
  password: string;
  displayName: string;
  locale?: Locale;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordService,
    private readonly tokens: TokensService,
    private readonly audit: AuditService,
  ) {}

  async register(input: RegisterInput): Promise<AuthResponse> {
    if (!input.email && !input.phone) {
      throw IdentityErrors.emailOrPhoneRequired();
    }
    this.passwords.assertAcceptable(input.password);
    const passwordHash = await this.passwords.hash(input.password);
    return this.transactions.run(async (tx) => {
      const user = await this.users.insertIfFree(tx, {
        email: input.email ? normalizeEmail(input.email) : null,
        phone: input.phone ? normalizePhone(input.phone) : null,
        passwordHash,
        displayName: input.displayName.trim(),
        locale: input.locale ?? 'zh-CN',
        isPlatformAdmin: false,
      });
      if (!user) throw IdentityErrors.loginTaken();
      await this.audit.record(tx, { action: 'user.registered', entityType: 'user', entityId: user.id, actorUserId: user.id });
      return this.startSession(tx, user);
    });
  }

  /**
   * Unknown login, wrong password and locked account all answer the same, and
   * all three verify a hash so that they take about the same time.
   */
  async login(login: string, password: string): Promise<LoginResult> {
    const normalized = normalizeLogin(login);
    const user = normalized ? await this.users.findByLogin(normalized) : null;
    const passwordOk = await this.passwords.verify(user?.passwordHash ?? null, password);
    if (!user) throw IdentityErrors.invalidCredentials();
    const locked = user.lockedUntil !== null && user.lockedUntil.getTime() > Date.now();
    if (locked || !passwordOk) {
      if (!locked) await this.users.recordFailedLogin(user.id, this.config.auth.lockoutThreshold, this.config.auth.lockoutSeconds);
      throw IdentityErrors.invalidCredentials();
    }
    await this.users.clearFailedLogins(user.id);
    return this.transactions.run(async (tx) => {
      await this.audit.record(tx, { action: 'session.started', entityType: 'user', entityId: user.id, actorUserId: user.id });
      return this.startSession(tx, user);
    });
  }

  /** Rotates a refresh token. A spent token means it was stolen or replayed: the whole family is revoked. */
  async refresh(refreshToken: string): Promise<AuthResponse> {
    const tokenHash = hashRefreshToken(refreshToken);
    const outcome = await this.transactions.run(async (tx) => {
      const session = await this.sessions.findByHashForUpdate(tx, tokenHash);
      if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' as const };
      if (session.spentAt) {
        await this.sessions.revokeFamily(session.familyId, tx);
        await this.audit.record(tx, {
          action: 'session.refresh_reused',
          entityType: 'session',
          entityId: session.familyId,
          actorUserId: session.userId,
        });
        return { kind: 'reused' as const };
      }
      await this.sessions.markSpent(tx, session.id);
      const user = await this.users.findById(session.userId, tx);
      if (!user) return { kind: 'invalid' as const };
      return { kind: 'ok' as const, response: await this.issue(tx, user, session.familyId) };
    });
    if (outcome.kind === 'reused')
      throw IdentityErrors.refreshReused();
    if (outcome.kind === 'invalid') throw IdentityErrors.refreshInvalid();
    return outcome.response;
  }

  /** Ends the token's session family. Unknown tokens are ignored so logout never fails. */
  async logout(refreshToken: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const session = await this.sessions.findByHashForUpdate(tx, hashRefreshToken(refreshToken));
      if (!session) return;
      await this.sessions.revokeFamily(session.familyId, tx);
      await this.audit.record(tx, {
        action: 'session.ended',
        entityType: 'session',
        entityId: session.familyId,
        actorUserId: session.userId,
      });
    });
  }

  private startSession(tx: Tx, user: UserEntity): Promise<AuthResponse> {
    return this.issue(tx, user, randomUUID());
  }

  private async issue(tx: Tx, user: UserEntity, familyId: string): Promise<AuthResponse> {
    const refresh = this.tokens.newRefreshToken();
    await this.sessions.insert(tx, { familyId, userId: user.id, tokenHash: refresh.hash, expiresAt: refresh.expiresAt });
    const access = this.tokens.signAccess(user.id, familyId);
    return {
      user: toUserView(user),
      accessToken: access.token,
      refreshToken: refresh.token,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
    };
  }
}
