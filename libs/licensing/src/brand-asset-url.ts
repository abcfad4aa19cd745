import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed download URL grants: one asset, to one party (the studio, or one licensed merchant), until when. */
export interface BrandAssetGrant {
  assetId: string;
  /** The organization the URL was issued to; the download checks that it still may have the file. */
  grantee: string;
  /** Seconds since the epoch. */
  expires: number;
}

function mac(grant: BrandAssetGrant, secret: string): string {
  return createHmac('sha256', secret)
    .update(`brand-asset\n${grant.assetId}\n${grant.grantee}\n${grant.expires}`)
    .digest('base64url');
}

/** GET /brand-assets/:id?for=&expires=&signature=: the path only, so it works behind any host the app is served at. */
export function signedBrandAssetPath(grant: BrandAssetGrant, secret: string): string {
  const query = new URLSearchParams({
    for: grant.grantee,
    expires: String(grant.expires),
    signature: mac(grant, secret),
  });
  return `/brand-assets/${grant.assetId}?${query.toString()}`;
}

/** True when `signature` is this grant's, compared in constant time; expiry is the caller's to check. */
export function isGenuineGrant(grant: BrandAssetGrant, signature: string, secret: string): boolean {
  const expected = Buffer.from(mac(grant, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
