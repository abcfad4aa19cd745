import { DomainEventBus } from '@chedun/db';
import { LicenseStatusChanged } from '@chedun/kernel';
import { LicenseService } from '@chedun/licensing';
import { contractOperation } from './support/contract';
import { applyForLicense, createFilmIp, dayOffset, grantLicense, publishOffer } from './support/licensing';
import { organizationOwner, Party, signUp } from './support/parties';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const LICENSE = `query($id: ID!) { license(id: $id) { id status statusReason royaltyBps categories territory startsOn endsOn
  advance { amountMinor currency } filmIp { id title } } }`;
const APPLICATION = `query($id: ID!) { licenseApplication(id: $id) { id status decisionReason license { id status } offer { id status } } }`;
const SUSPEND = `mutation($id: ID!, $reason: String!) { suspendLicense(id: $id, reason: $reason) { id status statusReason } }`;
const RESUME = `mutation($id: ID!) { resumeLicense(id: $id) { id status } }`;
const TERMINATE = `mutation($id: ID!, $reason: String!) { terminateLicense(id: $id, reason: $reason) { id status } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawLicenseApplication(id: $id) { id status } }`;
const CLOSE_OFFER = `mutation($id: ID!) { closeLicenseOffer(id: $id) { id status } }`;
const TRAIL = `query($id: ID!) { licensingAuditTrail(recordId: $id) { action actorUserId recordType details } }`;

describe('licensing', () => {
  let t: TestApp;
  let studioA: Party;
  let studioB: Party;
  let merchant: Party;
  let otherMerchant: Party;
  let visitor: Party;
  const events: LicenseStatusChanged[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    [studioA, studioB, merchant, otherMerchant, visitor] = await Promise.all([
      organizationOwner(t, 'STUDIO', 'Xinshe Studio'),
      organizationOwner(t, 'STUDIO', 'Xingxi Pictures'),
      organizationOwner(t, 'MERCHANT', 'Xiangdi Art Center'),
      organizationOwner(t, 'MERCHANT', 'Xinshe Ranch'),
      signUp(t, 'visitor'),
    ]);
    const bus = t.app.get(DomainEventBus);
    bus.subscribe<LicenseStatusChanged>('LicenseStatusChanged', async (event) => {
      if (event.reason === 'subscriber fails') throw new Error('a subscriber failed');
      events.push(event);
    });
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[]): Promise<number> =>
    Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`, params))[0]!.n);

  it('runs the licensing operations of the contract end to end', async () => {
    const ip = await t.gql(
      contractOperation('CreateFilmIp'),
      { studioId: studioA.organizationId, title: 'Lotus Lantern', titleZh: '宝莲灯' },
      studioA.token,
    );
    expect(ip.errors).toBeUndefined();
    expect(ip.data?.createFilmIp).toMatchObject({ title: 'Lotus Lantern' });

    const startsOn = dayOffset(t, 1);
    const endsOn = dayOffset(t, 200);
    const offer = await t.gql(
      contractOperation('PublishLicenseOffer'),
      {
        filmIpId: ip.data?.createFilmIp.id,
        royaltyBps: 1_250,
        categories: ['APPAREL', 'TOUR'],
        startsOn,
        endsOn,
        advance: { amountMinor: 5_000_000, currency: 'CNY' },
        minimumGuarantee: { amountMinor: 20_000_000 },
      },
      studioA.token,
    );
    expect(offer.errors).toBeUndefined();
    expect(offer.data?.publishLicenseOffer).toMatchObject({
      royaltyBps: 1_250,
      categories: ['APPAREL', 'TOUR'],
      startsOn,
      endsOn,
    });
    const offerId = offer.data?.publishLicenseOffer.id;

    const applied = await t.gql(
      contractOperation('ApplyForLicense'),
      { offerId, merchantId: merchant.organizationId, pitch: 'Lantern-shaped pins' },
      merchant.token,
    );
    expect(applied.data?.applyForLicense).toMatchObject({ status: 'PENDING' });
    const approved = await t.gql(
      contractOperation('ApproveLicenseApplication'),
      { id: applied.data?.applyForLicense.id },
      studioA.token,
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data?.approveLicenseApplication).toMatchObject({
      status: 'APPROVED',
      license: { status: 'ACTIVE' },
    });

    const license = await t.gql(LICENSE, { id: approved.data?.approveLicenseApplication.license.id }, merchant.token);
    expect(license.data?.license).toMatchObject({
      status: 'ACTIVE',
      royaltyBps: 1_250,
      categories: ['APPAREL', 'TOUR'],
      territory: 'CN',
      startsOn,
      endsOn,
      advance: { amountMinor: 5_000_000, currency: 'CNY' },
      filmIp: { title: 'Lotus Lantern' },
    });

    const second = await t.gql(
      contractOperation('ApplyForLicense'),
      { offerId, merchantId: otherMerchant.organizationId, pitch: 'Lantern tours' },
      otherMerchant.token,
    );
    const rejected = await t.gql(
      contractOperation('RejectLicenseApplication'),
      { id: second.data?.applyForLicense.id, reason: 'Tours are taken' },
      studioA.token,
    );
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data?.rejectLicenseApplication).toMatchObject({ status: 'REJECTED' });
    const seen = await t.gql(APPLICATION, { id: second.data?.applyForLicense.id }, otherMerchant.token);
    expect(seen.data?.licenseApplication).toMatchObject({
      status: 'REJECTED',
      decisionReason: 'Tours are taken',
      license: null,
    });
  });

  describe('film IP', () => {
    it('lets only staff of the studio create and change its IP; anyone reads it', async () => {
      const create = contractOperation('CreateFilmIp');
      const vars = { studioId: studioA.organizationId, title: 'Not yours', titleZh: null };
      expect(errorCode(await t.gql(create, vars, merchant.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(create, vars, studioB.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(create, vars))).toBe('UNAUTHENTICATED');
      expect(await count('film_ips WHERE title = $1', ['Not yours'])).toBe(0);

      const id = await createFilmIp(t, studioA, 'Songjiang Nights', '松江之夜');
      const update = `mutation($id: ID!, $input: UpdateFilmIpInput!) { updateFilmIp(id: $id, input: $input) { id title year } }`;
      const stolen = await t.gql(update, { id, input: { title: 'Stolen' } }, studioB.token);
      expect(errorCode(stolen)).toBe('FORBIDDEN');
      expect(stolen.data).toBeNull();
      const updated = await t.gql(
        update,
        { id, input: { year: 2019, characters: [{ name: 'Chen Xiang', nameZh: '沉香' }] } },
        studioA.token,
      );
      expect(updated.data?.updateFilmIp).toEqual({ id, title: 'Songjiang Nights', year: 2019 });

      const record = `mutation($input: RecordFilmingLocationInput!) { recordFilmingLocation(input: $input) { id nameEn } }`;
      const place = {
        filmIpId: id,
        nameEn: 'Chedun Film Base',
        nameZh: '车墩影视基地',
        latitude: 30.9469,
        longitude: 121.2767,
      };
      expect(errorCode(await t.gql(record, { input: { ...place, latitude: 91 } }, studioA.token))).toBe(
        'BAD_USER_INPUT',
      );
      expect(errorCode(await t.gql(record, { input: place }, studioB.token))).toBe('FORBIDDEN');
      const recorded = await t.gql(record, { input: place }, studioA.token);
      expect(recorded.errors).toBeUndefined();

      const read = await t.gql(
        `query($id: ID!, $loc: ID!) { filmIp(id: $id) { title titleZh year characters { name nameZh } filmingLocations { nameEn latitude } }
           filmingLocation(id: $loc) { nameZh filmIps { id } } }`,
        { id, loc: recorded.data?.recordFilmingLocation.id },
      );
      expect(read.errors).toBeUndefined();
      expect(read.data?.filmIp).toEqual({
        title: 'Songjiang Nights',
        titleZh: '松江之夜',
        year: 2019,
        characters: [{ name: 'Chen Xiang', nameZh: '沉香' }],
        filmingLocations: [{ nameEn: 'Chedun Film Base', latitude: 30.9469 }],
      });
      expect(read.data?.filmingLocation).toEqual({ nameZh: '车墩影视基地', filmIps: [{ id }] });
    });
  });

  describe('offers', () => {
    it.each([
      ['a royalty above 10000 bps', { royaltyBps: 10_001 }],
      ['a negative royalty', { royaltyBps: -1 }],
      ['an end before the start', { startsOn: '2031-06-01', endsOn: '2031-05-31' }],
      ['no categories', { categories: [] }],
      ['a negative advance', { advance: { amountMinor: -1 } }],
      ['a negative minimum guarantee', { minimumGuarantee: { amountMinor: -500, currency: 'CNY' } }],
      ['a term that is already over', { startsOn: '2020-01-01', endsOn: '2020-12-31' }],
    ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_, change) => {
      const filmIpId = await createFilmIp(t, studioA, 'Terms test');
      const auditBefore = await count('licensing_audit_entries WHERE studio_id = $1', [studioA.organizationId]);
      const res = await t.gql(
        contractOperation('PublishLicenseOffer'),
        {
          filmIpId,
          royaltyBps: 1_000,
          categories: ['APPAREL'],
          startsOn: dayOffset(t, 0),
          endsOn: dayOffset(t, 30),
          ...change,
        },
        studioA.token,
      );
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.data ?? null).toBeNull();
      expect(await count('license_offers WHERE film_ip_id = $1', [filmIpId])).toBe(0);
      expect(await count('licensing_audit_entries WHERE studio_id = $1', [studioA.organizationId])).toBe(auditBefore);
    });

    it('lets only staff of the IP’s studio publish and close offers', async () => {
      const filmIpId = await createFilmIp(t, studioA);
      const vars = {
        filmIpId,
        royaltyBps: 800,
        categories: ['CRAFT'],
        startsOn: dayOffset(t, 0),
        endsOn: dayOffset(t, 30),
      };
      for (const party of [studioB, merchant, visitor]) {
        const res = await t.gql(contractOperation('PublishLicenseOffer'), vars, party.token);
        expect(errorCode(res)).toBe('FORBIDDEN');
      }
      expect(await count('license_offers WHERE film_ip_id = $1', [filmIpId])).toBe(0);
      const offerId = await publishOffer(t, studioA, filmIpId);
      expect(errorCode(await t.gql(CLOSE_OFFER, { id: offerId }, studioB.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CLOSE_OFFER, { id: offerId }, merchant.token))).toBe('FORBIDDEN');
      const [row] = await t.sql<{ status: string }>('SELECT status FROM license_offers WHERE id = $1', [offerId]);
      expect(row?.status).toBe('OPEN');
    });

    it('lists OPEN offers publicly, page by page, and hides closed ones', async () => {
      const filmIpId = await createFilmIp(t, studioB, 'Paging test');
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push(await publishOffer(t, studioB, filmIpId, { categories: ['STAY'] }));
      await t.gql(CLOSE_OFFER, { id: ids[0] }, studioB.token);
      const page = `query($after: String) { licenseOffers(filmIpId: "${filmIpId}", category: STAY, first: 1, after: $after) {
        totalCount edges { node { id status filmIp { title } } } pageInfo { hasNextPage endCursor } } }`;
      const first = await t.gql(page, {});
      expect(first.errors).toBeUndefined();
      expect(first.data?.licenseOffers.totalCount).toBe(2);
      expect(first.data?.licenseOffers.pageInfo.hasNextPage).toBe(true);
      const second = await t.gql(page, { after: first.data?.licenseOffers.pageInfo.endCursor });
      expect(second.data?.licenseOffers.pageInfo.hasNextPage).toBe(false);
      const seen = [first, second].map((r) => r.data?.licenseOffers.edges[0].node);
      expect(new Set(seen.map((n) => n.id))).toEqual(new Set([ids[1], ids[2]]));
      expect(seen.every((n) => n.status === 'OPEN' && n.filmIp.title === 'Paging test')).toBe(true);
      expect(errorCode(await t.gql(`{ licenseOffers(first: 101) { totalCount } }`))).toBe('BAD_USER_INPUT');

      const own = await t.gql(
        `query($s: ID!) { studioLicenseOffers(studioId: $s, status: CLOSED) { edges { node { id } } } }`,
        { s: studioB.organizationId },
        studioB.token,
      );
      expect(own.data?.studioLicenseOffers.edges.map((e: any) => e.node.id)).toContain(ids[0]);
      const peek = await t.gql(
        `query($s: ID!) { studioLicenseOffers(studioId: $s) { totalCount } }`,
        { s: studioB.organizationId },
        studioA.token,
      );
      expect(errorCode(peek)).toBe('FORBIDDEN');
      expect(peek.data).toBeNull();
      expect(errorCode(await t.gql(`query($id: ID!) { licenseOffer(id: $id) { id } }`, { id: ids[0] }))).toBe(
        'NOT_FOUND',
      );
    });
  });

  describe('applications', () => {
    it('refuses visitors, studios and other merchants’ staff as applicants', async () => {
      const offerId = await publishOffer(t, studioA, await createFilmIp(t, studioA));
      const apply = contractOperation('ApplyForLicense');
      const vars = { offerId, merchantId: merchant.organizationId, pitch: 'Please' };
      expect(errorCode(await t.gql(apply, vars))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(apply, vars, visitor.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(apply, vars, otherMerchant.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(apply, { ...vars, merchantId: studioA.organizationId }, studioA.token))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await t.gql(apply, { ...vars, pitch: '' }, merchant.token))).toBe('BAD_USER_INPUT');
      expect(await count('license_applications WHERE offer_id = $1', [offerId])).toBe(0);
    });

    it('allows one pending application per merchant and offer: a second is CONFLICT until the first is withdrawn', async () => {
      const offerId = await publishOffer(t, studioA, await createFilmIp(t, studioA));
      const first = await applyForLicense(t, merchant, offerId);
      const again = await t.gql(
        contractOperation('ApplyForLicense'),
        { offerId, merchantId: merchant.organizationId, pitch: 'Again' },
        merchant.token,
      );
      expect(errorCode(again)).toBe('CONFLICT');
      expect(again.errors?.[0]?.message).toMatch(/already has a pending application/);
      expect(await count('license_applications WHERE offer_id = $1', [offerId])).toBe(1);

      const concurrent = await Promise.all(
        [1, 2, 3].map(() =>
          t.gql(
            contractOperation('ApplyForLicense'),
            { offerId, merchantId: otherMerchant.organizationId, pitch: 'Race' },
            otherMerchant.token,
          ),
        ),
      );
      expect(concurrent.filter((r) => !r.errors).length).toBe(1);
      expect(concurrent.filter((r) => errorCode(r) === 'CONFLICT').length).toBe(2);

      expect(errorCode(await t.gql(WITHDRAW, { id: first }, studioA.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(WITHDRAW, { id: first }, otherMerchant.token))).toBe('NOT_FOUND');
      expect((await t.gql(WITHDRAW, { id: first }, merchant.token)).data?.withdrawLicenseApplication.status).toBe(
        'WITHDRAWN',
      );
      expect(errorCode(await t.gql(WITHDRAW, { id: first }, merchant.token))).toBe('CONFLICT');
      await applyForLicense(t, merchant, offerId, 'Second try');
    });

    it('refuses an application for an offer the merchant already holds, marks held and applied offers, and names the parties', async () => {
      const granted = await grantLicense(t, studioA, merchant);
      const APPLY = contractOperation('ApplyForLicense');
      const vars = { offerId: granted.offerId, merchantId: merchant.organizationId, pitch: 'Again, please' };
      const again = await t.gql(APPLY, vars, merchant.token);
      expect(errorCode(again)).toBe('CONFLICT');
      expect(again.errors?.[0]?.message).toMatch(/already holds a license on this offer/);
      // Suspended still counts as held; concurrent attempts all fail and store nothing.
      await t.gql(SUSPEND, { id: granted.licenseId, reason: 'Checking stock' }, studioA.token);
      const raced = await Promise.all([1, 2, 3, 4].map(() => t.gql(APPLY, vars, merchant.token)));
      expect(raced.map(errorCode)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
      expect(await count('license_applications WHERE offer_id = $1', [granted.offerId])).toBe(1);
      // The database holds the rule too: a second held license on the same offer cannot exist.
      await expect(
        t.sql(
          `WITH app AS (
             INSERT INTO license_applications (offer_id, studio_id, merchant_id, pitch, status, applied_by)
             SELECT offer_id, studio_id, merchant_id, 'Twice', 'APPROVED', $2 FROM licenses WHERE id = $1 RETURNING id)
           INSERT INTO licenses
           SELECT (jsonb_populate_record(NULL::licenses, to_jsonb(l) || jsonb_build_object('id', gen_random_uuid(),
                     'application_id', (SELECT id FROM app), 'status', 'ACTIVE'))).*
             FROM licenses l WHERE l.id = $1`,
          [granted.licenseId, merchant.userId],
        ),
      ).rejects.toThrow(/licenses_one_held/);

      const pendingOffer = await publishOffer(t, studioA, granted.filmIpId);
      const applicationId = await applyForLicense(t, merchant, pendingOffer);
      const STANDINGS = `query($m: ID!) { merchantOfferStandings(merchantId: $m) { offerId standing } }`;
      const standings = await t.gql(STANDINGS, { m: merchant.organizationId }, merchant.token);
      expect(standings.errors).toBeUndefined();
      expect(standings.data?.merchantOfferStandings).toEqual(
        expect.arrayContaining([
          { offerId: granted.offerId, standing: 'HELD' },
          { offerId: pendingOffer, standing: 'APPLIED' },
        ]),
      );
      for (const outsider of [otherMerchant, studioA, visitor]) {
        expect(errorCode(await t.gql(STANDINGS, { m: merchant.organizationId }, outsider.token))).toBe('FORBIDDEN');
      }

      // Offers name their studio; applications and licenses name both parties.
      const named = await t.gql(
        `query($o: ID!, $a: ID!, $l: ID!) {
           licenseOffer(id: $o) { studio { id name kind } }
           licenseApplication(id: $a) { merchant { name kind } studio { name } }
           license(id: $l) { merchant { name } studio { name } } }`,
        { o: pendingOffer, a: applicationId, l: granted.licenseId },
        studioA.token,
      );
      expect(named.errors).toBeUndefined();
      expect(named.data).toEqual({
        licenseOffer: { studio: { id: studioA.organizationId, name: 'Xinshe Studio', kind: 'STUDIO' } },
        licenseApplication: {
          merchant: { name: 'Xiangdi Art Center', kind: 'MERCHANT' },
          studio: { name: 'Xinshe Studio' },
        },
        license: { merchant: { name: 'Xiangdi Art Center' }, studio: { name: 'Xinshe Studio' } },
      });
    });

    it('lets only the offer’s studio decide, and each decision once', async () => {
      const offerId = await publishOffer(t, studioA, await createFilmIp(t, studioA));
      const applicationId = await applyForLicense(t, merchant, offerId);
      const approve = contractOperation('ApproveLicenseApplication');
      const reject = contractOperation('RejectLicenseApplication');

      const byMerchant = await t.gql(approve, { id: applicationId }, merchant.token);
      expect(errorCode(byMerchant)).toBe('FORBIDDEN');
      expect(byMerchant.data).toBeNull();
      expect(errorCode(await t.gql(reject, { id: applicationId, reason: 'no' }, merchant.token))).toBe('FORBIDDEN');
      for (const op of [approve, reject]) {
        const byOtherStudio = await t.gql(op, { id: applicationId, reason: 'mine now' }, studioB.token);
        expect(errorCode(byOtherStudio)).toBe('NOT_FOUND');
        expect(byOtherStudio.data).toBeNull();
      }
      expect(errorCode(await t.gql(reject, { id: applicationId, reason: '' }, studioA.token))).toBe('BAD_USER_INPUT');
      const [pending] = await t.sql<{ status: string }>('SELECT status FROM license_applications WHERE id = $1', [
        applicationId,
      ]);
      expect(pending?.status).toBe('PENDING');
      expect(await count('licenses WHERE application_id = $1', [applicationId])).toBe(0);

      expect((await t.gql(approve, { id: applicationId }, studioA.token)).data?.approveLicenseApplication.status).toBe(
        'APPROVED',
      );
      const twice = await t.gql(approve, { id: applicationId }, studioA.token);
      expect(errorCode(twice)).toBe('CONFLICT');
      expect(twice.errors?.[0]?.message).toBe('Cannot approve a license application that is approved');
      const rejectApproved = await t.gql(reject, { id: applicationId, reason: 'changed my mind' }, studioA.token);
      expect(errorCode(rejectApproved)).toBe('CONFLICT');
      expect(await count('licenses WHERE application_id = $1', [applicationId])).toBe(1);
      const [after] = await t.sql<{ status: string; decision_reason: string | null }>(
        'SELECT status, decision_reason FROM license_applications WHERE id = $1',
        [applicationId],
      );
      expect(after).toEqual({ status: 'APPROVED', decision_reason: null });
    });

    it('shows each party its own applications and licenses, and no one else’s', async () => {
      const { applicationId, licenseId } = await grantLicense(t, studioA, merchant, { categories: ['FOOD'] });
      const pendingId = await applyForLicense(
        t,
        otherMerchant,
        await publishOffer(t, studioA, await createFilmIp(t, studioA)),
      );

      for (const outsider of [studioB, otherMerchant, visitor]) {
        const app = await t.gql(APPLICATION, { id: applicationId }, outsider.token);
        expect(errorCode(app)).toBe('NOT_FOUND');
        expect(app.data).toBeNull();
        const lic = await t.gql(LICENSE, { id: licenseId }, outsider.token);
        expect(errorCode(lic)).toBe('NOT_FOUND');
        expect(lic.data).toBeNull();
      }
      for (const party of [studioA, merchant]) {
        expect((await t.gql(LICENSE, { id: licenseId }, party.token)).data?.license.status).toBe('ACTIVE');
      }

      const incoming = `query($s: ID!, $status: LicenseApplicationStatus) {
        incomingLicenseApplications(studioId: $s, status: $status, first: 100) { edges { node { id status offer { id } license { id } } } } }`;
      const mine = await t.gql(incoming, { s: studioA.organizationId, status: 'PENDING' }, studioA.token);
      const nodes = mine.data?.incomingLicenseApplications.edges.map((e: any) => e.node);
      expect(nodes.map((n: any) => n.id)).toContain(pendingId);
      expect(nodes.every((n: any) => n.status === 'PENDING' && n.license === null && n.offer.id)).toBe(true);
      const decided = await t.gql(incoming, { s: studioA.organizationId, status: 'APPROVED' }, studioA.token);
      const approvedNode = decided.data?.incomingLicenseApplications.edges
        .map((e: any) => e.node)
        .find((n: any) => n.id === applicationId);
      expect(approvedNode.license).toEqual({ id: licenseId });
      expect(errorCode(await t.gql(incoming, { s: studioA.organizationId }, studioB.token))).toBe('FORBIDDEN');

      const held = `query($m: ID!) { merchantLicenses(merchantId: $m, status: ACTIVE) { edges { node { id } } } }`;
      const own = await t.gql(held, { m: merchant.organizationId }, merchant.token);
      expect(own.data?.merchantLicenses.edges.map((e: any) => e.node.id)).toContain(licenseId);
      const snoop = await t.gql(held, { m: merchant.organizationId }, otherMerchant.token);
      expect(errorCode(snoop)).toBe('FORBIDDEN');
      expect(snoop.data).toBeNull();
      const granted = await t.gql(
        `query($s: ID!) { studioLicenses(studioId: $s) { totalCount } }`,
        { s: studioA.organizationId },
        studioB.token,
      );
      expect(errorCode(granted)).toBe('FORBIDDEN');
      const applied = await t.gql(
        `query($m: ID!) { merchantLicenseApplications(merchantId: $m) { edges { node { id } } } }`,
        { m: merchant.organizationId },
        merchant.token,
      );
      expect(applied.data?.merchantLicenseApplications.edges.map((e: any) => e.node.id)).toContain(applicationId);
    });

    it('closing an offer rejects its pending applications and leaves signed licenses alone', async () => {
      const { offerId, licenseId } = await grantLicense(t, studioA, merchant);
      const pendingId = await applyForLicense(t, otherMerchant, offerId);
      expect((await t.gql(CLOSE_OFFER, { id: offerId }, studioA.token)).data?.closeLicenseOffer.status).toBe('CLOSED');
      expect(errorCode(await t.gql(CLOSE_OFFER, { id: offerId }, studioA.token))).toBe('CONFLICT');
      const pending = await t.gql(APPLICATION, { id: pendingId }, otherMerchant.token);
      expect(pending.data?.licenseApplication).toMatchObject({
        status: 'REJECTED',
        decisionReason: 'The studio closed this offer',
        offer: { status: 'CLOSED' },
      });
      expect((await t.gql(LICENSE, { id: licenseId }, merchant.token)).data?.license.status).toBe('ACTIVE');
      const late = await t.gql(
        contractOperation('ApplyForLicense'),
        { offerId, merchantId: merchant.organizationId, pitch: 'Late' },
        merchant.token,
      );
      expect(errorCode(late)).toBe('CONFLICT');
    });
  });

  describe('license lifecycle', () => {
    it('suspends, resumes and terminates by the studio only, publishing LicenseStatusChanged each time', async () => {
      const { licenseId } = await grantLicense(t, studioA, merchant);
      const before = events.length;

      const byMerchant = await t.gql(SUSPEND, { id: licenseId, reason: 'no' }, merchant.token);
      expect(errorCode(byMerchant)).toBe('FORBIDDEN');
      expect(byMerchant.data).toBeNull();
      for (const op of [SUSPEND, TERMINATE]) {
        expect(errorCode(await t.gql(op, { id: licenseId, reason: 'mine' }, studioB.token))).toBe('NOT_FOUND');
      }
      expect(errorCode(await t.gql(RESUME, { id: licenseId }, studioB.token))).toBe('NOT_FOUND');
      expect(events.length).toBe(before);

      const suspended = await t.gql(SUSPEND, { id: licenseId, reason: 'Artwork misuse under review' }, studioA.token);
      expect(suspended.data?.suspendLicense).toEqual({
        id: licenseId,
        status: 'SUSPENDED',
        statusReason: 'Artwork misuse under review',
      });
      expect(errorCode(await t.gql(SUSPEND, { id: licenseId, reason: 'again' }, studioA.token))).toBe('CONFLICT');
      expect((await t.gql(RESUME, { id: licenseId }, studioA.token)).data?.resumeLicense.status).toBe('ACTIVE');
      expect(
        (await t.gql(TERMINATE, { id: licenseId, reason: 'Contract ended early' }, studioA.token)).data
          ?.terminateLicense.status,
      ).toBe('TERMINATED');

      const ours = events.slice(before).filter((e) => e.licenseId === licenseId);
      expect(ours.map((e) => [e.from, e.to, e.reason])).toEqual([
        ['ACTIVE', 'SUSPENDED', 'Artwork misuse under review'],
        ['SUSPENDED', 'ACTIVE', null],
        ['ACTIVE', 'TERMINATED', 'Contract ended early'],
      ]);

      const resumeTerminated = await t.gql(RESUME, { id: licenseId }, studioA.token);
      expect(errorCode(resumeTerminated)).toBe('CONFLICT');
      expect(resumeTerminated.errors?.[0]?.message).toBe('Cannot resume a license that is terminated');
      expect((await t.gql(LICENSE, { id: licenseId }, studioA.token)).data?.license).toMatchObject({
        status: 'TERMINATED',
        statusReason: 'Contract ended early',
      });
      expect(events.filter((e) => e.licenseId === licenseId)).toHaveLength(3);
    });

    it('rolls the status change back when a subscriber fails inside the transaction', async () => {
      const { licenseId } = await grantLicense(t, studioA, merchant);
      const res = await t.gql(SUSPEND, { id: licenseId, reason: 'subscriber fails' }, studioA.token);
      expect(errorCode(res)).toBe('INTERNAL');
      const [row] = await t.sql<{ status: string }>('SELECT status FROM licenses WHERE id = $1', [licenseId]);
      expect(row?.status).toBe('ACTIVE');
      expect(
        await count('licensing_audit_entries WHERE entity_id = $1 AND action = $2', [licenseId, 'LICENSE_SUSPENDED']),
      ).toBe(0);
    });

    it('expires running licenses once the clock passes their last day, without anyone reading them', async () => {
      const realNow = t.clock.now();
      const endsOn = dayOffset(t, 5);
      const active = await grantLicense(t, studioA, merchant, { endsOn });
      const suspended = await grantLicense(t, studioA, otherMerchant, { endsOn });
      const lasting = await grantLicense(t, studioA, merchant, { endsOn: dayOffset(t, 6) });
      await t.gql(SUSPEND, { id: suspended.licenseId, reason: 'Paused' }, studioA.token);
      const before = events.length;
      const service = t.app.get(LicenseService);
      const status = async (id: string): Promise<string> =>
        (await t.sql<{ status: string }>('SELECT status FROM licenses WHERE id = $1', [id]))[0]!.status;

      try {
        t.clock.set(new Date(`${endsOn}T23:59:00+08:00`));
        await service.expireDueLicenses();
        expect(await status(active.licenseId)).toBe('ACTIVE');

        t.clock.set(new Date(`${endsOn}T23:59:00+08:00`));
        t.clock.advanceBy(2 * 60_000);
        expect(await service.expireDueLicenses()).toBeGreaterThanOrEqual(2);
        expect(await status(active.licenseId)).toBe('EXPIRED');
        expect(await status(suspended.licenseId)).toBe('EXPIRED');
        expect(await status(lasting.licenseId)).toBe('ACTIVE');
        expect(await service.expireDueLicenses()).toBe(0);

        const expiredEvents = events.slice(before).filter((e) => e.to === 'EXPIRED');
        expect(expiredEvents.map((e) => [e.licenseId, e.from]).sort()).toEqual(
          [
            [active.licenseId, 'ACTIVE'],
            [suspended.licenseId, 'SUSPENDED'],
          ].sort(),
        );
        expect(expiredEvents[0]?.reason).toBe(`The term ended on ${endsOn}`);
      } finally {
        t.clock.set(realNow);
      }
      // Back to the present, where the parties' access tokens are valid again.
      {
        const trail = await t.gql(TRAIL, { id: active.licenseId }, merchant.token);
        expect(trail.data?.licensingAuditTrail.at(-1)).toMatchObject({
          action: 'LICENSE_EXPIRED',
          actorUserId: null,
          recordType: 'LICENSE',
        });
        expect(errorCode(await t.gql(RESUME, { id: suspended.licenseId }, studioA.token))).toBe('CONFLICT');
      }
    });
  });

  describe('audit trail', () => {
    it('records who did what, readable by the parties of the record only', async () => {
      const { applicationId, licenseId, offerId } = await grantLicense(t, studioA, merchant);
      await t.gql(SUSPEND, { id: licenseId, reason: 'Quality check' }, studioA.token);

      const appTrail = await t.gql(TRAIL, { id: applicationId }, merchant.token);
      expect(appTrail.errors).toBeUndefined();
      expect(appTrail.data?.licensingAuditTrail.map((e: any) => [e.action, e.actorUserId])).toEqual([
        ['APPLIED', merchant.userId],
        ['APPROVED', studioA.userId],
      ]);
      const licTrail = await t.gql(TRAIL, { id: licenseId }, studioA.token);
      expect(licTrail.data?.licensingAuditTrail.map((e: any) => e.action)).toEqual([
        'LICENSE_GRANTED',
        'LICENSE_SUSPENDED',
      ]);
      expect(JSON.parse(licTrail.data?.licensingAuditTrail[1].details)).toEqual({
        from: 'ACTIVE',
        to: 'SUSPENDED',
        reason: 'Quality check',
      });

      for (const outsider of [studioB, otherMerchant, visitor]) {
        for (const id of [applicationId, licenseId]) {
          const res = await t.gql(TRAIL, { id }, outsider.token);
          expect(errorCode(res)).toBe('NOT_FOUND');
          expect(res.data).toBeNull();
        }
      }
      expect(errorCode(await t.gql(TRAIL, { id: offerId }, merchant.token))).toBe('NOT_FOUND');
      expect(
        (await t.gql(TRAIL, { id: offerId }, studioA.token)).data?.licensingAuditTrail.map((e: any) => e.action),
      ).toEqual(['OFFER_PUBLISHED']);
    });
  });
});
