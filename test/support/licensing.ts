import { shanghaiDate } from '@chedun/kernel';
import { contractOperation } from './contract';
import { Party } from './parties';
import { TestApp } from './test-app';

export interface LicenseTermsInput {
  categories?: string[];
  royaltyBps?: number;
  /** YYYY-MM-DD; defaults to today on the test clock (Asia/Shanghai). */
  startsOn?: string;
  /** YYYY-MM-DD; defaults to a year after today. */
  endsOn?: string;
  advance?: { amountMinor: number; currency?: string } | null;
  minimumGuarantee?: { amountMinor: number; currency?: string } | null;
}

export interface GrantedLicense {
  filmIpId: string;
  offerId: string;
  applicationId: string;
  licenseId: string;
}

/** The calendar day `days` after today on the test clock, in Asia/Shanghai. */
export function dayOffset(t: TestApp, days: number): string {
  return shanghaiDate(new Date(t.clock.now().getTime() + days * 86_400_000));
}

function must<T>(res: { data?: Record<string, any> | null; errors?: unknown }, field: string): T {
  const value = res.data?.[field];
  if (!value) throw new Error(`${field} failed: ${JSON.stringify(res.errors)}`);
  return value as T;
}

/** The studio's staff create a film IP through the contract's CreateFilmIp. */
export async function createFilmIp(
  t: TestApp,
  studio: Party,
  title = 'Lotus Lantern',
  titleZh: string | null = '宝莲灯',
): Promise<string> {
  const res = await t.gql(
    contractOperation('CreateFilmIp'),
    { studioId: studio.organizationId, title, titleZh },
    studio.token,
  );
  return must<{ id: string }>(res, 'createFilmIp').id;
}

/** Publishes an offer on the IP through the contract's PublishLicenseOffer. */
export async function publishOffer(
  t: TestApp,
  studio: Party,
  filmIpId: string,
  terms: LicenseTermsInput = {},
): Promise<string> {
  const res = await t.gql(
    contractOperation('PublishLicenseOffer'),
    {
      filmIpId,
      royaltyBps: terms.royaltyBps ?? 1_000,
      categories: terms.categories ?? ['APPAREL', 'COLLECTIBLE', 'TOUR'],
      startsOn: terms.startsOn ?? dayOffset(t, 0),
      endsOn: terms.endsOn ?? dayOffset(t, 365),
      advance: terms.advance ?? null,
      minimumGuarantee: terms.minimumGuarantee ?? null,
    },
    studio.token,
  );
  return must<{ id: string }>(res, 'publishLicenseOffer').id;
}

export async function applyForLicense(
  t: TestApp,
  merchant: Party,
  offerId: string,
  pitch = 'We make lovely things.',
): Promise<string> {
  const res = await t.gql(
    contractOperation('ApplyForLicense'),
    { offerId, merchantId: merchant.organizationId, pitch },
    merchant.token,
  );
  return must<{ id: string }>(res, 'applyForLicense').id;
}

export async function approveApplication(t: TestApp, studio: Party, applicationId: string): Promise<string> {
  const res = await t.gql(contractOperation('ApproveLicenseApplication'), { id: applicationId }, studio.token);
  return must<{ license: { id: string } }>(res, 'approveLicenseApplication').license.id;
}

/**
 * An ACTIVE license of `merchant` on a new IP of `studio`, obtained the way clients do: CreateFilmIp,
 * PublishLicenseOffer, ApplyForLicense, ApproveLicenseApplication. Pass `filmIpId` to reuse an IP.
 */
export async function grantLicense(
  t: TestApp,
  studio: Party,
  merchant: Party,
  terms: LicenseTermsInput & { filmIpId?: string } = {},
): Promise<GrantedLicense> {
  const filmIpId = terms.filmIpId ?? (await createFilmIp(t, studio));
  const offerId = await publishOffer(t, studio, filmIpId, terms);
  const applicationId = await applyForLicense(t, merchant, offerId);
  const licenseId = await approveApplication(t, studio, applicationId);
  return { filmIpId, offerId, applicationId, licenseId };
}
