import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal';
import { AppConfig } from '../../config/app-config';
import { AuthService } from '../../modules/identity/auth.service';
import { AdminBootstrapService } from '../../modules/identity/admin-bootstrap.service';
import { normalizeLogin } from '../../modules/identity/login.util';
import { OrganizationsService } from '../../modules/identity/organizations.service';
import { PrincipalService } from '../../modules/identity/principal.service';
import { DemoActivitySeeder } from './demo-activity.seeder';
import { DemoChildrenSeeder } from './demo-children.seeder';
import { DemoNeedsSeeder } from './demo-needs.seeder';
import { DemoStateRepository } from './demo-state.repository';
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS, type DemoUserKey } from './demo-data';

/**
 * Loads realistic Chinese demo data once, on an empty database, through the
 * same services the API uses (so every invariant and audit entry holds).
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeeder');
  /** Demo accounts found after seedOnce, so the start-up banner lists only logins that exist. */
  private present: ReadonlySet<DemoUserKey> = new Set();

  constructor(
    private readonly config: AppConfig,
    private readonly state: DemoStateRepository,
    private readonly auth: AuthService,
    private readonly admin: AdminBootstrapService,
    private readonly principals: PrincipalService,
    private readonly organizations: OrganizationsService,
    private readonly demoNeeds: DemoNeedsSeeder,
    private readonly demoActivity: DemoActivitySeeder,
    private readonly demoChildren: DemoChildrenSeeder,
  ) {}

  async seedOnce(): Promise<boolean> {
    const empty = await this.state.isEmpty();
    if (empty) {
      await this.seed();
      this.logger.log('Demo data loaded');
    } else {
      this.logger.log('The database already has data: demo data not loaded');
    }
    const existing = await this.state.existingEmails(Object.values(DEMO_USERS).map((u) => u.email));
    this.present = new Set((Object.keys(DEMO_USERS) as DemoUserKey[]).filter((key) => existing.has(DEMO_USERS[key].email)));
    return empty;
  }

  describeLogins(url: string): string {
    const keys = (Object.keys(DEMO_USERS) as DemoUserKey[]).filter((key) => this.present.has(key));
    if (keys.length === 0) return `No demo accounts in this database (demo data loads only into an empty one)  ${url}`;
    const configuredAdmin = this.configuredAdminIsDemoAdmin();
    const rows = keys.map((key) => {
      const u = DEMO_USERS[key];
      const note = key === 'admin' && configuredAdmin ? '  (password from ADMIN_PASSWORD)' : '';
      return `  ${key.padEnd(12)} ${u.email.padEnd(34)} ${u.displayName}${note}`;
    });
    return [`Demo data (demo only, password for every account: ${DEMO_PASSWORD})  ${url}`, ...rows].join('\n');
  }

  /** ADMIN_LOGIN names the demo administrator: it keeps its configured password. */
  private configuredAdminIsDemoAdmin(): boolean {
    return !!this.config.admin && normalizeLogin(this.config.admin.login)?.value === DEMO_USERS.admin.email;
  }

  private async principal(accessToken: string): Promise<Principal> {
    return this.principals.resolve(accessToken);
  }

  private async seed(): Promise<void> {
    // The administrator from ADMIN_LOGIN, when set, is an extra account; if it is the demo one, its password stays.
    const adminPassword = this.configuredAdminIsDemoAdmin() && this.config.admin ? this.config.admin.password : DEMO_PASSWORD;
    await this.admin.ensureAdmin(DEMO_USERS.admin.email, adminPassword);
    const tokens = {} as Record<DemoUserKey, string>;
    for (const [key, user] of Object.entries(DEMO_USERS) as Array<[DemoUserKey, (typeof DEMO_USERS)[DemoUserKey]]>) {
      if (key === 'admin') continue;
      const phone = 'phone' in user ? user.phone : undefined;
      const result = await this.auth.register({ email: user.email, phone, password: DEMO_PASSWORD, displayName: user.displayName });
      tokens[key] = result.accessToken;
    }
    tokens.admin = (await this.auth.login(DEMO_USERS.admin.email, adminPassword)).accessToken;
    const admin = await this.principal(tokens.admin);

    const ngoOwner = await this.principal(tokens.ngoOwner);
    const ngo = await this.organizations.create(ngoOwner, DEMO_ORGANIZATIONS.ngo);
    const ngo2 = await this.organizations.create(ngoOwner, DEMO_ORGANIZATIONS.ngo2);
    await this.organizations.setStatus(admin, ngo.id, 'verified');
    await this.organizations.setStatus(admin, ngo2.id, 'verified');
    const owner = await this.principal(tokens.ngoOwner);
    await this.organizations.addMember(owner, ngo.id, { login: DEMO_USERS.coordinator.email, role: 'coordinator' });
    await this.organizations.addMember(owner, ngo.id, { login: DEMO_USERS.staff.email, role: 'staff' });
    await this.organizations.addMember(owner, ngo2.id, { login: DEMO_USERS.coordinator.email, role: 'coordinator' });

    const csr = await this.principal(tokens.csrManager);
    const company = await this.organizations.create(csr, DEMO_ORGANIZATIONS.company);
    await this.organizations.setStatus(admin, company.id, 'verified');
    const companyOwner = await this.principal(tokens.csrManager);
    await this.organizations.addMember(companyOwner, company.id, { login: DEMO_USERS.employee.email, role: 'employee' });

    // Volunteer profiles, a valid safeguarding check for `volunteer`, and needs of every type with their shifts.
    const seeded = await this.demoNeeds.seed(
      {
        volunteer: await this.principal(tokens.volunteer),
        volunteer2: await this.principal(tokens.volunteer2),
        employee: await this.principal(tokens.employee),
        coordinator: await this.principal(tokens.coordinator),
      },
      { ngo: ngo.id, company: company.id },
    );
    // Pledges at every stage with evidence, and sign-ups on upcoming shifts.
    await this.demoActivity.seed(
      {
        coordinator: await this.principal(tokens.coordinator),
        donor: await this.principal(tokens.donor),
        csrManager: await this.principal(tokens.csrManager),
        volunteer: await this.principal(tokens.volunteer),
        volunteer2: await this.principal(tokens.volunteer2),
      },
      { ngo: ngo.id, company: company.id, needs: seeded.needs },
    );
    // The NGO's registry of children: households, two years of services and assessments, consents.
    await this.demoChildren.seed(await this.principal(tokens.coordinator), ngo.id);
  }
}
