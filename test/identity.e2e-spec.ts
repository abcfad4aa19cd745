import { request } from 'node:http';
import { errorCode, GqlResult, startTestApp, TestApp, uniqueEmail } from './support/test-app';
import { emailedToken, organizationOwner, PASSWORD, signUp, signUpUnverified, verifyEmail } from './support/parties';
import { ActorLoader, OrganizationService } from '@chedun/identity';

const SIGN_UP = `mutation($email: String!, $password: String!, $displayName: String!) {
  signUp(input: { email: $email, password: $password, displayName: $displayName }) { accessToken refreshToken user { id email } }
}`;
const LOG_IN = `mutation($email: String!, $password: String!) { logIn(input: { email: $email, password: $password }) { accessToken refreshToken } }`;
const ME = `{ me { id email displayName memberships { role organization { id kind name } } } }`;

/** A GraphQL call from another client address: the loopback network is 127.0.0.0/8, and the app sees the socket's. */
function gqlFrom(t: TestApp, address: string, query: string, variables: Record<string, unknown>): Promise<GqlResult> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request(
      `${t.baseUrl}/graphql`,
      {
        method: 'POST',
        localAddress: address,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString()) as GqlResult));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('identity', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        LOGIN_ATTEMPTS_PER_ACCOUNT_ADDRESS: '3',
        LOGIN_ATTEMPTS_PER_ACCOUNT: '6',
        LOGIN_ATTEMPTS_PER_ADDRESS: '1000',
      },
    });
  });
  afterAll(() => t.close());

  it('signs up with a normalised email, logs in and answers me', async () => {
    const email = uniqueEmail('Mixed');
    const up = await t.gql(SIGN_UP, {
      email: `  ${email.toUpperCase()} `,
      password: PASSWORD,
      displayName: 'Xiao Mei',
    });
    expect(up.errors).toBeUndefined();
    expect(up.data?.signUp.user.email).toBe(email.toLowerCase());
    await verifyEmail(t, email);

    const login = await t.gql(LOG_IN, { email: email.toUpperCase(), password: PASSWORD });
    expect(login.errors).toBeUndefined();
    const me = await t.gql(ME, {}, login.data?.logIn.accessToken);
    expect(me.data?.me).toMatchObject({ id: up.data?.signUp.user.id, email: email.toLowerCase(), memberships: [] });
  });

  it('stores argon2id hashes at OWASP parameters', async () => {
    const party = await signUp(t);
    const [row] = await t.sql<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [
      party.userId,
    ]);
    expect(row?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('rehashes on log-in when the stored hash has weaker parameters', async () => {
    const party = await signUp(t);
    const { hash, Algorithm } = await import('@node-rs/argon2');
    const weak = await hash(PASSWORD, { algorithm: Algorithm.Argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await t.sql('UPDATE users SET password_hash = $1 WHERE id = $2', [weak, party.userId]);
    const login = await t.gql(LOG_IN, { email: party.email, password: PASSWORD });
    expect(login.errors).toBeUndefined();
    const [row] = await t.sql<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [
      party.userId,
    ]);
    expect(row?.password_hash).toMatch(/m=19456,t=2,p=1/);
  });

  it('answers a sign-up for a taken address exactly as for a new one, and emails the owner instead (#14 item 10)', async () => {
    const owner = await signUp(t, 'taken');
    const SHAPE = `mutation($email: String!, $password: String!, $displayName: String!) {
      signUp(input: { email: $email, password: $password, displayName: $displayName }) { accessToken refreshToken user { email displayName emailVerified } }
    }`;
    const taken = await t.gql(SHAPE, {
      email: owner.email.toUpperCase(),
      password: 'another password 1',
      displayName: 'Probe',
    });
    const fresh = await t.gql(SHAPE, {
      email: uniqueEmail('fresh'),
      password: 'another password 1',
      displayName: 'Probe',
    });
    expect(taken.errors).toBeUndefined();
    expect(fresh.errors).toBeUndefined();
    const shape = (r: typeof taken) => ({
      ...r.data?.signUp,
      accessToken: typeof r.data?.signUp.accessToken,
      refreshToken: typeof r.data?.signUp.refreshToken,
      user: { ...r.data?.signUp.user, email: '' },
    });
    expect(shape(taken)).toEqual(shape(fresh));
    expect(taken.data?.signUp.user).toEqual({ email: owner.email, displayName: 'Probe', emailVerified: false });

    // Logging in afterwards with the prober's password tells nothing either: unverified accounts never log in.
    const probeTaken = await t.gql(LOG_IN, { email: owner.email, password: 'another password 1' });
    const probeFresh = await t.gql(LOG_IN, {
      email: fresh.data?.signUp.user.email ?? '',
      password: 'another password 1',
    });
    expect(errorCode(probeTaken)).toBe('UNAUTHENTICATED');
    expect(probeTaken.errors?.[0]?.message).toBe(probeFresh.errors?.[0]?.message);

    // The owner is told; the prober's duplicate gets no link, so it can never take the address.
    const mail = await t.sql<{ kind: string; recipient_user_id: string }>(
      `SELECT kind, recipient_user_id FROM notifications WHERE recipient_email = $1 ORDER BY created_at`,
      [owner.email],
    );
    expect(mail.map((m) => m.kind)).toEqual(['EMAIL_VERIFICATION', 'SIGN_UP_EXISTING_ACCOUNT']);
    expect(mail[1]?.recipient_user_id).toBe(owner.userId);
    const resend = await t.gql(`mutation { resendVerificationEmail }`, {}, taken.data?.signUp.accessToken);
    expect(resend.data?.resendVerificationEmail).toBe(true);
    expect(await t.sql(`SELECT 1 FROM notifications WHERE recipient_email = $1`, [owner.email])).toHaveLength(2);
    const ownerLogin = await t.gql(LOG_IN, { email: owner.email, password: PASSWORD });
    expect(ownerLogin.errors).toBeUndefined();
  });

  it('verifies an address once, through a link that expires; an unverified account keeps its sign-up session but cannot log in', async () => {
    const party = await signUpUnverified(t, 'verify');
    expect((await t.gql(`{ me { emailVerified } }`, {}, party.token)).data?.me).toEqual({ emailVerified: false });
    expect(errorCode(await t.gql(LOG_IN, { email: party.email, password: PASSWORD }))).toBe('UNAUTHENTICATED');
    const VERIFY = `mutation($token: String!) { verifyEmail(token: $token) { accessToken user { emailVerified } } }`;

    const first = await emailedToken(t, 'EMAIL_VERIFICATION', party.email);
    expect((await t.gql(`mutation { resendVerificationEmail }`, {}, party.token)).data?.resendVerificationEmail).toBe(
      true,
    );
    const second = await emailedToken(t, 'EMAIL_VERIFICATION', party.email);
    expect(second).not.toBe(first);
    expect(errorCode(await t.gql(VERIFY, { token: first }))).toBe('BAD_USER_INPUT');
    const [stored] = await t.sql<{ token_hash: string }>(
      `SELECT token_hash FROM email_verifications WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [party.userId],
    );
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.token_hash).not.toContain(second);

    t.clock.advanceBy(25 * 3_600_000);
    try {
      expect(errorCode(await t.gql(VERIFY, { token: second }))).toBe('BAD_USER_INPUT');
    } finally {
      t.clock.advanceBy(-25 * 3_600_000);
    }
    await t.gql(`mutation { resendVerificationEmail }`, {}, party.token);
    const third = await emailedToken(t, 'EMAIL_VERIFICATION', party.email);
    const verified = await t.gql(VERIFY, { token: third });
    expect(verified.data?.verifyEmail.user).toEqual({ emailVerified: true });
    expect(errorCode(await t.gql(VERIFY, { token: third }))).toBe('BAD_USER_INPUT');
    expect((await t.gql(LOG_IN, { email: party.email, password: PASSWORD })).errors).toBeUndefined();
  });

  it('lets the first of two sign-ups of one address to verify it own it', async () => {
    const email = uniqueEmail('twice');
    await t.gql(SIGN_UP, { email, password: PASSWORD, displayName: 'First' });
    const firstToken = await emailedToken(t, 'EMAIL_VERIFICATION', email);
    await t.gql(SIGN_UP, { email, password: 'second password', displayName: 'Second' });
    const secondToken = await emailedToken(t, 'EMAIL_VERIFICATION', email);
    expect(
      (await t.gql(`mutation($token: String!) { verifyEmail(token: $token) { accessToken } }`, { token: secondToken }))
        .errors,
    ).toBeUndefined();
    expect(
      errorCode(
        await t.gql(`mutation($token: String!) { verifyEmail(token: $token) { accessToken } }`, { token: firstToken }),
      ),
    ).toBe('CONFLICT');
    expect((await t.gql(LOG_IN, { email, password: 'second password' })).errors).toBeUndefined();
    expect(errorCode(await t.gql(LOG_IN, { email, password: PASSWORD }))).toBe('UNAUTHENTICATED');
  });

  it('finds by email only the account that verified the address (the demo seed acts as it), never an unverified one', async () => {
    const loader = t.app.get(ActorLoader);
    const fresh = await signUpUnverified(t, 'byemail');
    expect(await loader.byEmail(fresh.email)).toBeNull();
    const owner = await signUp(t, 'byemail-owner');
    await t.gql(SIGN_UP, { email: owner.email, password: 'another password 1', displayName: 'Duplicate' });
    const found = await loader.byEmail(owner.email.toUpperCase());
    expect(found).toMatchObject({ userId: owner.userId, email: owner.email, emailVerified: true });
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const party = await signUp(t);
    const wrong = await t.gql(LOG_IN, { email: party.email, password: 'not the password' });
    const unknown = await t.gql(LOG_IN, { email: uniqueEmail('ghost'), password: 'not the password' });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
  });

  it('rate-limits failed log-ins per account and address with a retry hint, even for the right password', async () => {
    const party = await signUp(t);
    for (let i = 0; i < 3; i++) {
      expect(errorCode(await t.gql(LOG_IN, { email: party.email, password: 'wrong wrong wrong' }))).toBe(
        'UNAUTHENTICATED',
      );
    }
    const blocked = await t.gql(LOG_IN, { email: party.email, password: PASSWORD });
    expect(errorCode(blocked)).toBe('RATE_LIMITED');
    expect(blocked.errors?.[0]?.extensions?.['retryAfterSeconds']).toBeGreaterThan(0);
  });

  it('does not let a stranger lock the owner out: wrong passwords from another address refuse only that address', async () => {
    const owner = await signUp(t);
    for (let i = 0; i < 3; i++) {
      expect(
        errorCode(await gqlFrom(t, '127.0.0.2', LOG_IN, { email: owner.email, password: 'guess guess guess' })),
      ).toBe('UNAUTHENTICATED');
    }
    // The guesser is refused even with the right password, so guessing on cannot tell a hit from the limit ...
    expect(errorCode(await gqlFrom(t, '127.0.0.2', LOG_IN, { email: owner.email, password: PASSWORD }))).toBe(
      'RATE_LIMITED',
    );
    // ... while the owner, elsewhere, logs in.
    const login = await t.gql(LOG_IN, { email: owner.email, password: PASSWORD });
    expect(login.errors).toBeUndefined();
    // Forgotten once the owner has logged in: a typo later does not count the earlier ones.
    expect(errorCode(await t.gql(LOG_IN, { email: owner.email, password: 'typo typo typo' }))).toBe('UNAUTHENTICATED');
    expect((await t.gql(LOG_IN, { email: owner.email, password: PASSWORD })).errors).toBeUndefined();
  });

  it('past the account-wide limit (many addresses guessing) refuses new addresses but lets the owner in from a known one', async () => {
    const owner = await signUp(t);
    for (const address of ['127.0.0.3', '127.0.0.4']) {
      for (let i = 0; i < 3; i++) {
        expect(
          errorCode(await gqlFrom(t, address, LOG_IN, { email: owner.email, password: 'guess guess guess' })),
        ).toBe('UNAUTHENTICATED');
      }
    }
    expect(errorCode(await gqlFrom(t, '127.0.0.5', LOG_IN, { email: owner.email, password: PASSWORD }))).toBe(
      'RATE_LIMITED',
    );
    // An unknown email past the limit answers the same, so the limit does not tell which accounts exist.
    const ghost = uniqueEmail('ghost');
    for (const address of ['127.0.0.3', '127.0.0.4']) {
      for (let i = 0; i < 3; i++) await gqlFrom(t, address, LOG_IN, { email: ghost, password: 'guess guess guess' });
    }
    expect(errorCode(await gqlFrom(t, '127.0.0.5', LOG_IN, { email: ghost, password: PASSWORD }))).toBe('RATE_LIMITED');
    // The owner signed up from 127.0.0.1: a known address, still let through.
    const login = await t.gql(LOG_IN, { email: owner.email, password: PASSWORD });
    expect(login.errors).toBeUndefined();
    const [known] = await t.sql<{ n: string }>('SELECT count(*) AS n FROM known_login_addresses WHERE user_id = $1', [
      owner.userId,
    ]);
    expect(known?.n).toBe('1');
  });

  it('knows the addresses an account was signed up and verified from, so past the account-wide limit both get through', async () => {
    const email = uniqueEmail('known');
    const up = await gqlFrom(t, '127.0.0.6', SIGN_UP, { email, password: PASSWORD, displayName: 'Known' });
    expect(up.errors).toBeUndefined();
    const VERIFY = `mutation($token: String!) { verifyEmail(token: $token) { user { id } } }`;
    const verified = await gqlFrom(t, '127.0.0.7', VERIFY, {
      token: await emailedToken(t, 'EMAIL_VERIFICATION', email),
    });
    expect(verified.errors).toBeUndefined();
    for (const address of ['127.0.0.8', '127.0.0.9']) {
      for (let i = 0; i < 3; i++) await gqlFrom(t, address, LOG_IN, { email, password: 'guess guess guess' });
    }
    expect(errorCode(await gqlFrom(t, '127.0.0.10', LOG_IN, { email, password: PASSWORD }))).toBe('RATE_LIMITED');
    expect((await gqlFrom(t, '127.0.0.6', LOG_IN, { email, password: PASSWORD })).errors).toBeUndefined();
    expect((await gqlFrom(t, '127.0.0.7', LOG_IN, { email, password: PASSWORD })).errors).toBeUndefined();
  });

  it.each([
    ['a malformed email', { email: 'not-an-email', password: PASSWORD, displayName: 'X' }, /email/],
    ['a short password', { email: 'short@example.test', password: 'short', displayName: 'X' }, /password/],
    [
      'an oversize name',
      { email: 'long@example.test', password: PASSWORD, displayName: 'x'.repeat(81) },
      /displayName/,
    ],
    ['an oversize email', { email: `${'a'.repeat(250)}@example.test`, password: PASSWORD, displayName: 'X' }, /email/],
  ])('refuses %s with BAD_USER_INPUT and a readable message', async (_, input, message) => {
    const res = await t.gql(SIGN_UP, input);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(message);
    expect(JSON.stringify(res)).not.toMatch(/stack|QueryFailed|SELECT/);
  });

  it('refuses unknown fields and malformed documents with BAD_USER_INPUT', async () => {
    const unknownField = await t.gql(
      `mutation { signUp(input: { email: "a@b.test", password: "${PASSWORD}", displayName: "A", admin: true }) { accessToken } }`,
    );
    expect(errorCode(unknownField)).toBe('BAD_USER_INPUT');
    const parse = await t.gql(`mutation { signUp(`);
    expect(errorCode(parse)).toBe('BAD_USER_INPUT');
    const wrongType = await t.gql(SIGN_UP, { email: 42, password: PASSWORD, displayName: 'A' });
    expect(errorCode(wrongType)).toBe('BAD_USER_INPUT');
  });

  it('requires a token for me, and refuses forged, unsigned and expired tokens', async () => {
    expect(errorCode(await t.gql(ME))).toBe('UNAUTHENTICATED');
    const party = await signUp(t);
    const [header, payload] = party.token.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${payload}.`;
    expect(errorCode(await t.gql(ME, {}, none))).toBe('UNAUTHENTICATED');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const otherAud = Buffer.from(JSON.stringify({ ...claims, aud: 'someone-else' })).toString('base64url');
    expect(errorCode(await t.gql(ME, {}, `${header}.${otherAud}.${party.token.split('.')[2]}`))).toBe(
      'UNAUTHENTICATED',
    );

    t.clock.advanceBy(16 * 60 * 1000);
    try {
      expect(errorCode(await t.gql(ME, {}, party.token))).toBe('UNAUTHENTICATED');
    } finally {
      t.clock.advanceBy(-16 * 60 * 1000);
    }
  });

  it('rotates refresh tokens, revokes the family on reuse, and ends the session on log-out', async () => {
    const email = uniqueEmail('refresh');
    const up = await t.gql(SIGN_UP, { email, password: PASSWORD, displayName: 'R' });
    const first = up.data?.signUp.refreshToken as string;
    await verifyEmail(t, email);
    const REFRESH = `mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }`;
    const rotated = await t.gql(REFRESH, { t: first });
    expect(rotated.errors).toBeUndefined();
    const second = rotated.data?.refreshToken.refreshToken as string;
    expect(errorCode(await t.gql(REFRESH, { t: first }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(REFRESH, { t: second }))).toBe('UNAUTHENTICATED');

    const login = await t.gql(LOG_IN, { email, password: PASSWORD });
    const refresh = login.data?.logIn.refreshToken as string;
    expect((await t.gql(`mutation($t: String!) { logOut(refreshToken: $t) }`, { t: refresh })).data?.logOut).toBe(true);
    expect(errorCode(await t.gql(REFRESH, { t: refresh }))).toBe('UNAUTHENTICATED');
  });

  it('makes the creator OWNER of a studio or merchant, and never creates a platform', async () => {
    const owner = await organizationOwner(t, 'STUDIO', 'Xinshe Studio');
    const me = await t.gql(ME, {}, owner.token);
    expect(me.data?.me.memberships).toEqual([
      { role: 'OWNER', organization: { id: owner.organizationId, kind: 'STUDIO', name: 'Xinshe Studio' } },
    ]);
    const platform = await t.gql(
      `mutation { createOrganization(input: { kind: PLATFORM, name: "Mine" }) { id } }`,
      {},
      owner.token,
    );
    expect(errorCode(platform)).toBe('BAD_USER_INPUT');
  });

  it('answers the memberships of the user in the session a log-in, sign-up or refresh opens (nobody signed in yet)', async () => {
    const owner = await organizationOwner(t, 'STUDIO', 'Session Studio');
    const MEMBERSHIPS = `user { id memberships { role organization { id kind name } } }`;
    const expected = [
      { role: 'OWNER', organization: { id: owner.organizationId, kind: 'STUDIO', name: 'Session Studio' } },
    ];
    const login = await t.gql(
      `mutation($e: String!, $p: String!) { logIn(input: { email: $e, password: $p }) { refreshToken ${MEMBERSHIPS} } }`,
      {
        e: owner.email,
        p: PASSWORD,
      },
    );
    expect(login.errors).toBeUndefined();
    expect(login.data?.logIn.user).toEqual({ id: owner.userId, memberships: expected });
    const refreshed = await t.gql(`mutation($r: String!) { refreshToken(refreshToken: $r) { ${MEMBERSHIPS} } }`, {
      r: login.data?.logIn.refreshToken,
    });
    expect(refreshed.data?.refreshToken.user.memberships).toEqual(expected);
    // Signed in as someone else, a log-in still answers the memberships of the account it opens.
    const other = await signUp(t);
    const asOther = await t.gql(
      `mutation($e: String!, $p: String!) { logIn(input: { email: $e, password: $p }) { ${MEMBERSHIPS} } }`,
      { e: owner.email, p: PASSWORD },
      other.token,
    );
    expect(asOther.data?.logIn.user.memberships).toEqual(expected);
    // Signing up with an invited address grants nothing by itself (#14 item 1): the sign-up, and the session its
    // verification link opens, answer the new account's memberships, none, not those of the owner calling.
    const staffEmail = uniqueEmail('session-staff');
    await t.gql(
      `mutation($i: InviteMemberInput!) { inviteMember(input: $i) { email } }`,
      { i: { organizationId: owner.organizationId, email: staffEmail } },
      owner.token,
    );
    const up = await t.gql(
      `mutation($e: String!, $p: String!) { signUp(input: { email: $e, password: $p, displayName: "Staff" }) { ${MEMBERSHIPS} } }`,
      { e: staffEmail, p: PASSWORD },
      owner.token,
    );
    expect(up.errors).toBeUndefined();
    expect(up.data?.signUp.user.memberships).toEqual([]);
    const verified = await t.gql(
      `mutation($token: String!) { verifyEmail(token: $token) { accessToken refreshToken ${MEMBERSHIPS} } }`,
      { token: await emailedToken(t, 'EMAIL_VERIFICATION', staffEmail) },
      owner.token,
    );
    expect(verified.errors).toBeUndefined();
    expect(verified.data?.verifyEmail.user.memberships).toEqual([]);
    // The invitation accepted through its link shows in the next session the account opens.
    const accepted = await t.gql(
      `mutation($token: String!) { acceptInvitation(token: $token) { role } }`,
      { token: await emailedToken(t, 'INVITATION', staffEmail) },
      verified.data?.verifyEmail.accessToken,
    );
    expect(accepted.errors).toBeUndefined();
    const staffSession = await t.gql(`mutation($r: String!) { refreshToken(refreshToken: $r) { ${MEMBERSHIPS} } }`, {
      r: verified.data?.verifyEmail.refreshToken,
    });
    expect(staffSession.data?.refreshToken.user.memberships).toEqual([{ ...expected[0], role: 'STAFF' }]);
  });

  it('lets owners invite staff by email; staff cannot invite; others cannot see the organization', async () => {
    const owner = await organizationOwner(t, 'MERCHANT', 'Xinshe Ranch');
    const staffEmail = uniqueEmail('staff');
    const INVITE = `mutation($org: ID!, $email: String!) { inviteMember(input: { organizationId: $org, email: $email }) { email role acceptedAt } }`;
    const invited = await t.gql(INVITE, { org: owner.organizationId, email: staffEmail }, owner.token);
    expect(invited.data?.inviteMember).toMatchObject({ email: staffEmail, role: 'STAFF', acceptedAt: null });

    await t.gql(SIGN_UP, { email: staffEmail, password: PASSWORD, displayName: 'Staff' });
    const staffToken = (await verifyEmail(t, staffEmail)).token;
    const accepted = await t.gql(
      `mutation($token: String!) { acceptInvitation(token: $token) { role organization { id } } }`,
      { token: await emailedToken(t, 'INVITATION', staffEmail) },
      staffToken,
    );
    expect(accepted.data?.acceptInvitation).toEqual({ role: 'STAFF', organization: { id: owner.organizationId } });
    const me = await t.gql(ME, {}, staffToken);
    expect(me.data?.me.memberships).toEqual([
      { role: 'STAFF', organization: { id: owner.organizationId, kind: 'MERCHANT', name: 'Xinshe Ranch' } },
    ]);
    expect(errorCode(await t.gql(INVITE, { org: owner.organizationId, email: uniqueEmail('x') }, staffToken))).toBe(
      'FORBIDDEN',
    );

    const stranger = await signUp(t);
    const peek = await t.gql(
      `query($id: ID!) { organization(id: $id) { id name } }`,
      { id: owner.organizationId },
      stranger.token,
    );
    expect(errorCode(peek)).toBe('NOT_FOUND');
    const members = await t.gql(
      `query($id: ID!) { organizationMembers(organizationId: $id) { email } }`,
      { id: owner.organizationId },
      stranger.token,
    );
    expect(errorCode(members)).toBe('FORBIDDEN');
    expect(members.data).toBeNull();
  });

  it('answers organizations\u2019 public profiles, and from memory once read (they never change)', async () => {
    const studio = await organizationOwner(t, 'STUDIO', 'Wuyue Films');
    const organizations = t.app.get(OrganizationService);
    const reads = jest.spyOn(organizations, 'findByIds');
    try {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect(await organizations.profiles([studio.organizationId!, unknown])).toEqual([
        { id: studio.organizationId, kind: 'STUDIO', name: 'Wuyue Films', nameZh: null },
      ]);
      expect(reads).toHaveBeenCalledTimes(1);
      expect(await organizations.profiles([studio.organizationId!])).toHaveLength(1);
      expect(reads).toHaveBeenLastCalledWith([], expect.anything());
      // No mutation renames an organization or changes its kind: the cache's premise, checked against the schema.
      // The one other mutation naming organizations sets a logo, which the media context keeps and resolves per
      // request (`Organization.logo`); the cached profile above holds no logo, so a new one is never served stale.
      const mutations = (
        await t.gql(`{ __schema { mutationType { fields { name } } } }`)
      ).data?.__schema.mutationType.fields.map((f: any) => f.name);
      expect(mutations.filter((name: string) => /organi[sz]ation/i.test(name)).sort()).toEqual([
        'createOrganization',
        'setOrganizationLogo',
      ]);
    } finally {
      reads.mockRestore();
    }
  });

  it('reports database health', async () => {
    const res = await fetch(`${t.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: { status: 'up' } });
  });

  it('serves GraphiQL from local assets to a browser', async () => {
    const page = await fetch(`${t.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    const script = await fetch(`${t.baseUrl}/graphiql/graphiql.js`);
    expect(script.status).toBe(200);
    expect((await script.text()).length).toBeGreaterThan(100_000);
  });
});

describe('identity: log-in limit per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_ATTEMPTS_PER_ACCOUNT: '100', LOGIN_ATTEMPTS_PER_ADDRESS: '4' } });
  });
  afterAll(() => t.close());

  it('blocks an address that guesses across many accounts', async () => {
    for (let i = 0; i < 4; i++) {
      expect(errorCode(await t.gql(LOG_IN, { email: uniqueEmail('spray'), password: 'guess guess guess' }))).toBe(
        'UNAUTHENTICATED',
      );
    }
    const party = await signUp(t);
    expect(errorCode(await t.gql(LOG_IN, { email: party.email, password: PASSWORD }))).toBe('RATE_LIMITED');
  });
});
