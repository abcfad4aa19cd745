import { randomUUID } from 'node:crypto';
import { approveAndPublish, createExperience, createVenue, licensedMerchant, Licensed, ok } from './support/catalog';
import { photo, upload } from './support/media';
import { organizationOwner, Party, signUp } from './support/parties';
import { errorCode, startTestApp, TestApp } from './support/test-app';

/**
 * Where images appear beyond product galleries (#16): a film IP's key art, a venue's photos and an organization's
 * logo. Each points at its owner's own public uploads (the rule galleries follow) and never deletes a file, since
 * uploads are content-addressed and shared.
 */
describe('film key art, venue photos and organization logos', () => {
  let t: TestApp;
  let l: Licensed;
  let otherStudio: Party;
  let visitor: Party;

  beforeAll(async () => {
    t = await startTestApp();
    l = await licensedMerchant(t);
    [otherStudio, visitor] = await Promise.all([
      organizationOwner(t, 'STUDIO', 'Other studio'),
      signUp(t, 'images-visitor'),
    ]);
  });
  afterAll(() => t?.close());

  const get = (path: string) => fetch(`${t.baseUrl}${path}`);
  const image = async (token: string, seed: number, query = '') => {
    const res = await upload(t, await photo('png', seed), { token, query });
    if (res.status !== 201) throw new Error(`upload failed: ${JSON.stringify(res.body)}`);
    return res.body as { id: string; url: string; cardUrl: string; thumbnailUrl: string };
  };

  describe('setFilmIpKeyArt', () => {
    const SET = `mutation($f: ID!, $m: ID) { setFilmIpKeyArt(filmIpId: $f, mediaId: $m) { id keyArt { id url cardUrl thumbnailUrl width height } } }`;
    const READ = `query($id: ID!) { filmIp(id: $id) { keyArt { id url } } filmIps(first: 50) { edges { node { id keyArt { id } } } } }`;

    it("shows one of the studio's public uploads as the film's key art to everyone, and null clears it", async () => {
      const art = await image(l.studio.token, 1);
      const set = await ok(t.gql(SET, { f: l.filmIpId, m: art.id }, l.studio.token), 'setFilmIpKeyArt');
      expect(set.keyArt).toEqual({
        id: art.id,
        url: art.url,
        cardUrl: art.cardUrl,
        thumbnailUrl: art.thumbnailUrl,
        width: 1200,
        height: 800,
      });
      const seen = await t.gql(READ, { id: l.filmIpId });
      expect(seen.data?.['filmIp'].keyArt).toEqual({ id: art.id, url: art.url });
      expect(seen.data?.['filmIps'].edges.find((e: any) => e.node.id === l.filmIpId).node.keyArt).toEqual({
        id: art.id,
      });
      const cleared = await ok(t.gql(SET, { f: l.filmIpId, m: null }, l.studio.token), 'setFilmIpKeyArt');
      expect(cleared.keyArt).toBeNull();
      expect((await t.gql(READ, { id: l.filmIpId }, visitor.token)).data?.['filmIp'].keyArt).toBeNull();
      // Clearing and replacing touch only the reference: the upload and its files stay.
      expect((await get(art.url)).status).toBe(200);
      expect(await t.sql(`SELECT id FROM media WHERE id = $1`, [art.id])).toHaveLength(1);
    });

    it("refuses another organization's upload (FORBIDDEN), a private one and an unknown one (NOT_FOUND), changing nothing", async () => {
      const mine = await image(l.studio.token, 2);
      await ok(t.gql(SET, { f: l.filmIpId, m: mine.id }, l.studio.token), 'setFilmIpKeyArt');
      const theirs = await image(otherStudio.token, 3);
      const merchants = await image(l.merchant.token, 4);
      for (const foreign of [theirs.id, merchants.id])
        expect(errorCode(await t.gql(SET, { f: l.filmIpId, m: foreign }, l.studio.token))).toBe('FORBIDDEN');
      const secret = await image(l.studio.token, 5, '?private=true');
      expect(errorCode(await t.gql(SET, { f: l.filmIpId, m: secret.id }, l.studio.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(SET, { f: l.filmIpId, m: randomUUID() }, l.studio.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(SET, { f: randomUUID(), m: mine.id }, l.studio.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(SET, { f: l.filmIpId, m: 'not-a-uuid' }, l.studio.token))).toBe('BAD_USER_INPUT');
      expect((await t.gql(READ, { id: l.filmIpId })).data?.['filmIp'].keyArt.id).toBe(mine.id);
    });

    it("is for the IP's studio only: another studio, its licensee, a visitor and an anonymous caller are refused", async () => {
      const art = await image(otherStudio.token, 6);
      for (const [token, code] of [
        [otherStudio.token, 'FORBIDDEN'],
        [l.merchant.token, 'FORBIDDEN'],
        [visitor.token, 'FORBIDDEN'],
        [undefined, 'UNAUTHENTICATED'],
      ] as const)
        expect(errorCode(await t.gql(SET, { f: l.filmIpId, m: art.id }, token))).toBe(code);
    });
  });

  describe('setVenuePhotos', () => {
    const SET = `mutation($v: ID!, $m: [ID!]!) { setVenuePhotos(venueId: $v, mediaIds: $m) { id photos { id url cardUrl thumbnailUrl } } }`;
    let venueId: string;
    let otherMerchant: Party;

    beforeAll(async () => {
      venueId = (await createVenue(t, l.merchant)).id;
      otherMerchant = await organizationOwner(t, 'MERCHANT', 'Venue rival');
    });

    it("shows the merchant's own uploads, in order, with the venue on its experience's public page; [] removes them", async () => {
      const [a, b] = [await image(l.merchant.token, 11), await image(l.merchant.token, 12)];
      const set = await ok(t.gql(SET, { v: venueId, m: [b.id, a.id] }, l.merchant.token), 'setVenuePhotos');
      expect(set.photos.map((p: { id: string }) => p.id)).toEqual([b.id, a.id]);
      expect(set.photos[0]).toEqual({ id: b.id, url: b.url, cardUrl: b.cardUrl, thumbnailUrl: b.thumbnailUrl });
      const experience = await createExperience(t, l, venueId);
      await approveAndPublish(t, l, experience.id);
      const page = await t.gql(`query($id: ID!) { product(id: $id) { venue { photos { id } } } }`, {
        id: experience.id,
      });
      expect(page.data?.['product'].venue.photos).toEqual([{ id: b.id }, { id: a.id }]);
      const emptied = await ok(t.gql(SET, { v: venueId, m: [] }, l.merchant.token), 'setVenuePhotos');
      expect(emptied.photos).toEqual([]);
      for (const url of [a.url, b.url, b.thumbnailUrl]) expect((await get(url)).status).toBe(200);
    });

    it('takes at most six distinct photos', async () => {
      const seven = await Promise.all([20, 21, 22, 23, 24, 25, 26].map((s) => image(l.merchant.token, s)));
      expect(errorCode(await t.gql(SET, { v: venueId, m: seven.map((i) => i.id) }, l.merchant.token))).toBe(
        'BAD_USER_INPUT',
      );
      expect(errorCode(await t.gql(SET, { v: venueId, m: [seven[0]!.id, seven[0]!.id] }, l.merchant.token))).toBe(
        'BAD_USER_INPUT',
      );
      const six = await ok(
        t.gql(SET, { v: venueId, m: seven.slice(0, 6).map((i) => i.id) }, l.merchant.token),
        'setVenuePhotos',
      );
      expect(six.photos).toHaveLength(6);
    });

    it("refuses another organization's upload (FORBIDDEN), a private one and an unknown one (NOT_FOUND), changing nothing", async () => {
      const mine = await image(l.merchant.token, 30);
      await ok(t.gql(SET, { v: venueId, m: [mine.id] }, l.merchant.token), 'setVenuePhotos');
      const theirs = await image(otherMerchant.token, 31);
      const studios = await image(l.studio.token, 32);
      for (const foreign of [theirs.id, studios.id])
        expect(errorCode(await t.gql(SET, { v: venueId, m: [mine.id, foreign] }, l.merchant.token))).toBe('FORBIDDEN');
      const secret = await image(l.merchant.token, 33, '?private=true');
      expect(errorCode(await t.gql(SET, { v: venueId, m: [secret.id] }, l.merchant.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(SET, { v: venueId, m: [randomUUID()] }, l.merchant.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(SET, { v: randomUUID(), m: [mine.id] }, l.merchant.token))).toBe('NOT_FOUND');
      const rows = await t.sql<{ media_id: string }>(`SELECT media_id FROM venue_photos WHERE venue_id = $1`, [
        venueId,
      ]);
      expect(rows).toEqual([{ media_id: mine.id }]);
    });

    it("is for the venue's merchant only: anyone else is told there is no such venue", async () => {
      const theirs = await image(otherMerchant.token, 34);
      for (const [token, code] of [
        [otherMerchant.token, 'NOT_FOUND'],
        [l.studio.token, 'NOT_FOUND'],
        [visitor.token, 'NOT_FOUND'],
        [undefined, 'UNAUTHENTICATED'],
      ] as const)
        expect(errorCode(await t.gql(SET, { v: venueId, m: [theirs.id] }, token))).toBe(code);
    });
  });

  describe('setOrganizationLogo', () => {
    const SET = `mutation($o: ID!, $m: ID) { setOrganizationLogo(organizationId: $o, mediaId: $m) { id logo { id url thumbnailUrl } } }`;

    it("shows an owner's choice of the organization's own uploads beside its name on product and film pages; null removes it", async () => {
      const [merchantLogo, studioLogo] = [await image(l.merchant.token, 40), await image(l.studio.token, 41)];
      const set = await ok(
        t.gql(SET, { o: l.merchant.organizationId, m: merchantLogo.id }, l.merchant.token),
        'setOrganizationLogo',
      );
      expect(set.logo).toEqual({ id: merchantLogo.id, url: merchantLogo.url, thumbnailUrl: merchantLogo.thumbnailUrl });
      await ok(t.gql(SET, { o: l.studio.organizationId, m: studioLogo.id }, l.studio.token), 'setOrganizationLogo');
      const experience = await createExperience(t, l, (await createVenue(t, l.merchant)).id, { name: 'Logo tour' });
      await approveAndPublish(t, l, experience.id);
      const seen = await t.gql(
        `query($p: ID!, $f: ID!) { product(id: $p) { merchant { logo { id } } } filmIp(id: $f) { studio { logo { id } } } }`,
        { p: experience.id, f: l.filmIpId },
      );
      expect(seen.data).toEqual({
        product: { merchant: { logo: { id: merchantLogo.id } } },
        filmIp: { studio: { logo: { id: studioLogo.id } } },
      });
      const removed = await ok(
        t.gql(SET, { o: l.merchant.organizationId, m: null }, l.merchant.token),
        'setOrganizationLogo',
      );
      expect(removed.logo).toBeNull();
      expect((await get(merchantLogo.url)).status).toBe(200);
      expect(await t.sql(`SELECT id FROM media WHERE id = $1`, [merchantLogo.id])).toHaveLength(1);
    });

    it("refuses another organization's upload (FORBIDDEN), a private one and an unknown one (NOT_FOUND), changing nothing", async () => {
      const mine = await image(l.merchant.token, 42);
      await ok(t.gql(SET, { o: l.merchant.organizationId, m: mine.id }, l.merchant.token), 'setOrganizationLogo');
      const studios = await image(l.studio.token, 43);
      expect(errorCode(await t.gql(SET, { o: l.merchant.organizationId, m: studios.id }, l.merchant.token))).toBe(
        'FORBIDDEN',
      );
      const secret = await image(l.merchant.token, 44, '?private=true');
      for (const m of [secret.id, randomUUID()])
        expect(errorCode(await t.gql(SET, { o: l.merchant.organizationId, m }, l.merchant.token))).toBe('NOT_FOUND');
      const rows = await t.sql<{ media_id: string }>(
        `SELECT media_id FROM organization_logos WHERE organization_id = $1`,
        [l.merchant.organizationId],
      );
      expect(rows).toEqual([{ media_id: mine.id }]);
    });

    it('is for owners only: staff, other organizations, visitors and anonymous callers are refused', async () => {
      const staff = await signUp(t, 'images-staff');
      await t.sql(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'STAFF')`, [
        l.merchant.organizationId,
        staff.userId,
      ]);
      const mine = await image(l.merchant.token, 45);
      for (const [token, code] of [
        [staff.token, 'FORBIDDEN'],
        [otherStudio.token, 'FORBIDDEN'],
        [l.studio.token, 'FORBIDDEN'],
        [visitor.token, 'FORBIDDEN'],
        [undefined, 'UNAUTHENTICATED'],
      ] as const)
        expect(errorCode(await t.gql(SET, { o: l.merchant.organizationId, m: mine.id }, token))).toBe(code);
      // Staff may still upload for the organization; they only may not make it its logo.
      expect((await upload(t, await photo('png', 46), { token: staff.token })).status).toBe(201);
    });
  });
});
