import { TestApp, uniqueEmail } from './test-app';

export interface Party {
  token: string;
  userId: string;
  email: string;
  organizationId?: string;
}

export const PASSWORD = 'correct horse battery';

/** Signs up and stops there: signed in, unverified, its verification email waiting in the outbox. */
export async function signUpUnverified(t: Pick<TestApp, 'gql'>, prefix = 'visitor'): Promise<Party> {
  const email = uniqueEmail(prefix);
  const res = await t.gql(
    `mutation($email: String!, $password: String!, $displayName: String!) {
       signUp(input: { email: $email, password: $password, displayName: $displayName }) { accessToken user { id email } }
     }`,
    { email, password: PASSWORD, displayName: prefix },
  );
  if (!res.data) throw new Error(`signUp failed: ${JSON.stringify(res.errors)}`);
  return { token: res.data['signUp'].accessToken, userId: res.data['signUp'].user.id, email };
}

/**
 * The secret of the newest emailed link of that kind to that address, read from the notifications outbox: what the
 * development inbox (devNotifications) shows, and what the email's link carries.
 */
export async function emailedToken(
  t: Pick<TestApp, 'sql'>,
  kind: 'EMAIL_VERIFICATION' | 'INVITATION',
  email: string,
): Promise<string> {
  const [row] = await t.sql<{ token: string | null }>(
    `SELECT payload->>'token' AS token FROM notifications WHERE kind = $1 AND recipient_email = $2 ORDER BY created_at DESC, id DESC LIMIT 1`,
    [kind, email.trim().toLowerCase()],
  );
  if (!row?.token) throw new Error(`No ${kind} email to ${email}`);
  return row.token;
}

/** Follows the address's newest verification link, as its owner would: the account is verified and signed in. */
export async function verifyEmail(t: Pick<TestApp, 'gql' | 'sql'>, email: string): Promise<Party> {
  const res = await t.gql(
    `mutation($token: String!) { verifyEmail(token: $token) { accessToken user { id email } } }`,
    {
      token: await emailedToken(t, 'EMAIL_VERIFICATION', email),
    },
  );
  if (!res.data) throw new Error(`verifyEmail failed: ${JSON.stringify(res.errors)}`);
  return { token: res.data['verifyEmail'].accessToken, userId: res.data['verifyEmail'].user.id, email };
}

/**
 * A new visitor with a verified address, signed in: sign-up, then the link from the verification email (whose session
 * replaces the sign-up's).
 */
export async function signUp(t: Pick<TestApp, 'gql' | 'sql'>, prefix = 'visitor'): Promise<Party> {
  const { email } = await signUpUnverified(t, prefix);
  return verifyEmail(t, email);
}

/** A new user who owns a new organization of the given kind. */
export async function organizationOwner(
  t: Pick<TestApp, 'gql' | 'sql'>,
  kind: 'STUDIO' | 'MERCHANT',
  name: string,
): Promise<Party> {
  const party = await signUp(t, kind.toLowerCase());
  const res = await t.gql(
    `mutation($kind: OrganizationKind!, $name: String!) { createOrganization(input: { kind: $kind, name: $name }) { id } }`,
    { kind, name },
    party.token,
  );
  if (!res.data) throw new Error(`createOrganization failed: ${JSON.stringify(res.errors)}`);
  return { ...party, organizationId: res.data['createOrganization'].id };
}

/** A platform operator: the PLATFORM organization is never created through the API, so tests insert it. */
export async function platformAdmin(t: Pick<TestApp, 'gql' | 'sql'>): Promise<Party> {
  const party = await signUp(t, 'platform');
  const [org] = await t.sql<{ id: string }>(
    `INSERT INTO organizations (kind, name) VALUES ('PLATFORM', 'Chedun Market')
     ON CONFLICT (kind) WHERE kind = 'PLATFORM' DO UPDATE SET name = EXCLUDED.name RETURNING id`,
  );
  await t.sql(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'OWNER')`, [
    org!.id,
    party.userId,
  ]);
  return { ...party, organizationId: org!.id };
}
