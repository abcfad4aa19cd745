import { DataSource } from 'typeorm';
import { DomainEventBus } from '@chedun/db';
import { LicenseStatus, LicenseStatusChanged } from '@chedun/kernel';
import { TestApp } from './test-app';

/**
 * SQL FIXTURES standing in for the licensing contract operations until feat/licensing (issue 3) is merged:
 * they write the rows CreateFilmIp / PublishLicenseOffer / ApplyForLicense / ApproveLicenseApplication would,
 * and change a license's status the way licensing does (LicenseStatusChanged published inside the transaction).
 */
export async function insertFilmIpFixture(t: TestApp, studioId: string, title: string, titleZh: string | null = null): Promise<string> {
  const [row] = await t.sql<{ id: string }>(`INSERT INTO film_ips (studio_id, title, title_zh) VALUES ($1, $2, $3) RETURNING id`, [
    studioId,
    title,
    titleZh,
  ]);
  return row!.id;
}

export async function insertLicenseFixture(
  t: TestApp,
  terms: { studioId: string; merchantId: string; filmIpId: string; categories: string[]; startsOn: string; endsOn: string; royaltyBps?: number },
): Promise<string> {
  const [row] = await t.sql<{ id: string }>(
    `INSERT INTO licenses (studio_id, merchant_id, film_ip_id, status, categories, starts_on, ends_on, royalty_bps)
     VALUES ($1, $2, $3, 'ACTIVE', $4, $5, $6, $7) RETURNING id`,
    [terms.studioId, terms.merchantId, terms.filmIpId, terms.categories, terms.startsOn, terms.endsOn, terms.royaltyBps ?? 800],
  );
  return row!.id;
}

export async function changeLicenseStatusFixture(t: TestApp, licenseId: string, to: LicenseStatus, reason: string | null = null): Promise<void> {
  const bus = t.app.get(DomainEventBus);
  await t.app.get(DataSource).transaction(async (manager) => {
    const [before] = await manager.query(`SELECT status FROM licenses WHERE id = $1 FOR UPDATE`, [licenseId]);
    await manager.query(`UPDATE licenses SET status = $2 WHERE id = $1`, [licenseId, to]);
    const event: LicenseStatusChanged = { type: 'LicenseStatusChanged', licenseId, from: before.status, to, reason, at: new Date() };
    await bus.publish(event, manager);
  });
}
