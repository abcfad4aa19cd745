import { LicenseStatus } from '@chedun/kernel';
import { contractOperation } from './contract';
import { createFilmIp, grantLicense } from './licensing';
import { organizationOwner, Party } from './parties';
import { TestApp } from './test-app';

export interface Licensed {
  studio: Party;
  merchant: Party;
  filmIpId: string;
  licenseId: string;
}

export const ALL_CATEGORIES = [
  'APPAREL',
  'FOOD',
  'CRAFT',
  'COLLECTIBLE',
  'STATIONERY',
  'HOME',
  'TOUR',
  'WORKSHOP',
  'SCREENING',
  'STAY',
];

/** A studio with an IP and a merchant holding an ACTIVE license on it, through licensing's contract operations. */
export async function licensedMerchant(
  t: TestApp,
  options: {
    studio?: Party;
    merchant?: Party;
    title?: string;
    titleZh?: string;
    categories?: string[];
    startsOn?: string;
    endsOn?: string;
  } = {},
): Promise<Licensed> {
  const studio = options.studio ?? (await organizationOwner(t, 'STUDIO', 'Xinshe Studio'));
  const merchant = options.merchant ?? (await organizationOwner(t, 'MERCHANT', 'Xiangdi Art Center'));
  const filmIpId = await createFilmIp(t, studio, options.title ?? 'Lotus Lantern', options.titleZh ?? '宝莲灯');
  const { licenseId } = await grantLicense(t, studio, merchant, {
    filmIpId,
    categories: options.categories ?? ALL_CATEGORIES,
    startsOn: options.startsOn ?? '2020-01-01',
    endsOn: options.endsOn ?? '2099-12-31',
  });
  return { studio, merchant, filmIpId, licenseId };
}

/** The studio suspends, resumes or terminates the license through licensing's mutations. */
export async function setLicenseStatus(
  t: TestApp,
  l: Licensed,
  to: LicenseStatus,
  reason = 'Studio decision',
): Promise<void> {
  const res =
    to === LicenseStatus.SUSPENDED
      ? await t.gql(
          `mutation($id: ID!, $reason: String!) { suspendLicense(id: $id, reason: $reason) { status } }`,
          { id: l.licenseId, reason },
          l.studio.token,
        )
      : to === LicenseStatus.TERMINATED
        ? await t.gql(
            `mutation($id: ID!, $reason: String!) { terminateLicense(id: $id, reason: $reason) { status } }`,
            { id: l.licenseId, reason },
            l.studio.token,
          )
        : await t.gql(`mutation($id: ID!) { resumeLicense(id: $id) { status } }`, { id: l.licenseId }, l.studio.token);
  if (res.errors) throw new Error(`License status change to ${to} failed: ${JSON.stringify(res.errors)}`);
}

let skuCounter = 0;
export function sku(prefix = 'SKU'): string {
  skuCounter += 1;
  return `${prefix}-${skuCounter}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function ok<T = any>(promise: Promise<{ data?: any; errors?: unknown }>, field: string): Promise<T> {
  const res = await promise;
  if (res.errors || !res.data?.[field]) throw new Error(`${field} failed: ${JSON.stringify(res.errors)}`);
  return res.data[field] as T;
}

export async function createMerchandise(
  t: TestApp,
  l: Licensed,
  input: {
    name?: string;
    nameZh?: string;
    description?: string;
    category?: string;
    prices?: number[];
    stock?: number;
  } = {},
): Promise<{ id: string; variants: { id: string; sku: string }[] }> {
  return ok(
    t.gql(
      contractOperation('CreateMerchandise'),
      {
        licenseId: l.licenseId,
        category: input.category ?? 'APPAREL',
        name: input.name ?? 'Lotus Lantern T-shirt',
        nameZh: input.nameZh ?? '宝莲灯T恤',
        description: input.description ?? 'Cotton tee with the lantern motif',
        variants: (input.prices ?? [9900]).map((amountMinor) => ({
          sku: sku(),
          price: { amountMinor, currency: 'CNY' },
          stock: input.stock ?? 10,
        })),
      },
      l.merchant.token,
    ),
    'createMerchandise',
  );
}

export async function createVenue(
  t: TestApp,
  merchant: Party,
  name = 'Xinshe Ranch',
  nameZh = '新社牧场',
): Promise<{ id: string }> {
  return ok(
    t.gql(
      contractOperation('CreateVenue'),
      { merchantId: merchant.organizationId, name, nameZh, latitude: 30.98, longitude: 121.3 },
      merchant.token,
    ),
    'createVenue',
  );
}

export async function createExperience(
  t: TestApp,
  l: Licensed,
  venueId: string,
  input: { name?: string; nameZh?: string; category?: string; prices?: number[] } = {},
): Promise<{ id: string; ticketTypes: { id: string }[] }> {
  return ok(
    t.gql(
      contractOperation('CreateExperience'),
      {
        licenseId: l.licenseId,
        venueId,
        category: input.category ?? 'TOUR',
        name: input.name ?? 'Ranch filming location tour',
        nameZh: input.nameZh ?? '农场拍摄地之旅',
        description: 'Walk the fields where the film was shot',
        ticketTypes: (input.prices ?? [12000, 6000]).map((amountMinor, i) => ({
          name: i === 0 ? 'Adult' : 'Child',
          price: { amountMinor, currency: 'CNY' },
        })),
      },
      l.merchant.token,
    ),
    'createExperience',
  );
}

export async function addSlot(
  t: TestApp,
  l: Licensed,
  experienceId: string,
  startsAt: Date,
  capacity = 20,
): Promise<{ id: string; capacity: number; remaining: number }> {
  const endsAt = new Date(startsAt.getTime() + 2 * 60 * 60 * 1000);
  return ok(
    t.gql(
      contractOperation('AddTimeSlot'),
      { experienceId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), capacity },
      l.merchant.token,
    ),
    'addTimeSlot',
  );
}

/** Submit (merchant) → approve (studio) → publish (merchant), through the contract operations. */
export async function approveAndPublish(t: TestApp, l: Licensed, productId: string): Promise<void> {
  await ok(
    t.gql(contractOperation('SubmitProductForApproval'), { productId }, l.merchant.token),
    'submitProductForApproval',
  );
  await ok(t.gql(contractOperation('ApproveProduct'), { productId }, l.studio.token), 'approveProduct');
  await ok(t.gql(contractOperation('PublishProduct'), { productId }, l.merchant.token), 'publishProduct');
}
