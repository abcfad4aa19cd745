import { TestApp, uniqueEmail } from './test-app';

export interface Party {
  token: string;
  userId: string;
  email: string;
  organizationId?: string;
}

export const PASSWORD = 'correct horse battery';

export async function signUp(t: TestApp, prefix = 'visitor'): Promise<Party> {
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

/** A new user who owns a new organization of the given kind. */
export async function organizationOwner(t: TestApp, kind: 'STUDIO' | 'MERCHANT', name: string): Promise<Party> {
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
export async function platformAdmin(t: TestApp): Promise<Party> {
  const party = await signUp(t, 'platform');
  const [org] = await t.sql<{ id: string }>(
    `INSERT INTO organizations (kind, name) VALUES ('PLATFORM', 'Chedun Market')
     ON CONFLICT (kind) WHERE kind = 'PLATFORM' DO UPDATE SET name = EXCLUDED.name RETURNING id`,
  );
  await t.sql(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'OWNER')`, [org!.id, party.userId]);
  return { ...party, organizationId: org!.id };
}
