import { Injectable, Logger } from '@nestjs/common';
import { Actor, ActorLoader, AuthService, OrganizationKind, OrganizationService } from '@chedun/identity';
import { Clock } from '@chedun/kernel';
import { CatalogDemoSeeder } from './catalog-demo-seeder';
import { atInstant } from './demo-clock';
import { LedgerDemoSeeder, salesHistoryStart } from './ledger-demo-seeder';
import { LicensingDemoSeeder } from './licensing-demo';

const PASSWORD = 'chedun-demo-2026';

interface DemoOrg {
  kind: OrganizationKind.STUDIO | OrganizationKind.MERCHANT;
  name: string;
  nameZh: string;
}

interface DemoAccount {
  role: string;
  email: string;
  displayName: string;
  owns: DemoOrg[];
}

const ACCOUNTS: DemoAccount[] = [
  { role: 'platform admin', email: 'admin@chedun.test', displayName: 'Chedun Market Ops', owns: [] },
  {
    role: 'studio (Xinshe)',
    email: 'studio@xinshe.test',
    displayName: 'Lin Xiaoyu',
    owns: [{ kind: OrganizationKind.STUDIO, name: 'Xinshe Studio', nameZh: '新社影业' }],
  },
  {
    role: 'studio (Xingxi)',
    email: 'studio@xingxi.test',
    displayName: 'Zhou Ming',
    owns: [{ kind: OrganizationKind.STUDIO, name: 'Xingxi Pictures', nameZh: '星汐影业' }],
  },
  {
    role: 'studio (Wuyue)',
    email: 'studio@wuyue.test',
    displayName: 'Qian Lan',
    owns: [{ kind: OrganizationKind.STUDIO, name: 'Wuyue Films', nameZh: '吴越影视' }],
  },
  {
    role: 'merchant (Xiangdi)',
    email: 'shop@xiangdi.test',
    displayName: 'Chen Jing',
    owns: [{ kind: OrganizationKind.MERCHANT, name: 'Xiangdi Art Center', nameZh: '香堤艺术中心' }],
  },
  {
    role: 'merchant (Xinshe Ranch)',
    email: 'ranch@xinshe.test',
    displayName: 'Wang Dafu',
    owns: [
      { kind: OrganizationKind.MERCHANT, name: 'Xinshe Ranch', nameZh: '新社牧场' },
      { kind: OrganizationKind.MERCHANT, name: 'Shanghai Film Park Shop', nameZh: '上海影视乐园商店' },
    ],
  },
  { role: 'visitor', email: 'visitor@chedun.test', displayName: 'Xiao Mei', owns: [] },
];

export const DEMO_LOGINS = {
  password: PASSWORD,
  accounts: ACCOUNTS.map(({ role, email }) => ({ role, email })),
};

/**
 * Seeds demo accounts once: each account is created only when its email is not there yet, so running it on
 * every start changes nothing after the first. Later contexts add their demo data here (licensing-demo.ts).
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly actors: ActorLoader,
    private readonly auth: AuthService,
    private readonly organizations: OrganizationService,
    private readonly licensingDemo: LicensingDemoSeeder,
    private readonly catalog: CatalogDemoSeeder,
    private readonly ledger: LedgerDemoSeeder,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<void> {
    let created = 0;
    for (const account of ACCOUNTS) {
      if (await this.actors.byEmail(account.email)) continue;
      const user = await this.auth.registerVerified({
        email: account.email,
        password: PASSWORD,
        displayName: account.displayName,
      });
      created++;
      const actor = new Actor(user.id, user.email, [], true);
      for (const org of account.owns) await this.organizations.create(actor, org);
      if (account.role === 'platform admin') {
        await this.organizations.ensurePlatform(user.id, 'Chedun Market', '车墩集市');
      }
    }
    if (created > 0) this.logger.log(`Seeded ${created} demo accounts`);
    // Licenses are signed when the sales history starts, so the back-dated demo sales fall inside their terms.
    await atInstant(this.clock, salesHistoryStart(this.clock.now()), () => this.licensingDemo.run());
    await this.catalog.run();
    await this.ledger.run();
  }
}
