import { isGenuineGrant, signedBrandAssetPath } from './brand-asset-url';

const SECRET = 's'.repeat(40);
const grant = { assetId: 'a1', grantee: 'm1', expires: 1_800_000_000 };

function signatureOf(path: string): string {
  return new URL(path, 'http://x').searchParams.get('signature')!;
}

describe('signed brand-asset URLs', () => {
  it('carry the grantee and expiry, and their signature verifies', () => {
    const path = signedBrandAssetPath(grant, SECRET);
    const url = new URL(path, 'http://x');
    expect(url.pathname).toBe('/brand-assets/a1');
    expect(url.searchParams.get('for')).toBe('m1');
    expect(url.searchParams.get('expires')).toBe('1800000000');
    expect(isGenuineGrant(grant, signatureOf(path), SECRET)).toBe(true);
  });

  it.each([
    ['another asset', { ...grant, assetId: 'a2' }],
    ['another grantee', { ...grant, grantee: 'm2' }],
    ['a later expiry', { ...grant, expires: grant.expires + 1 }],
  ])('do not verify for %s', (_name, changed) => {
    expect(isGenuineGrant(changed, signatureOf(signedBrandAssetPath(grant, SECRET)), SECRET)).toBe(false);
  });

  it('do not verify under another secret, or with a truncated signature', () => {
    const signature = signatureOf(signedBrandAssetPath(grant, SECRET));
    expect(isGenuineGrant(grant, signature, 't'.repeat(40))).toBe(false);
    expect(isGenuineGrant(grant, signature.slice(0, -1), SECRET)).toBe(false);
    expect(isGenuineGrant(grant, '', SECRET)).toBe(false);
  });
});
