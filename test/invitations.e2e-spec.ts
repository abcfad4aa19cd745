import {
  emailedToken,
  organizationOwner,
  Party,
  PASSWORD,
  signUp,
  signUpUnverified,
  verifyEmail,
} from './support/parties';
import { EmailMessage, EmailSender, NotificationDeliveryJob } from '@chedun/orders';
import { errorCode, startTestApp, TestApp, uniqueEmail } from './support/test-app';

const INVITE = `mutation($org: ID!, $email: String!, $role: MembershipRole!) {
  inviteMember(input: { organizationId: $org, email: $email, role: $role }) { id email role acceptedAt expiresAt }
}`;
const ACCEPT = `mutation($token: String!) { acceptInvitation(token: $token) { role organization { id name } } }`;
const SIGN_UP = `mutation($email: String!, $password: String!) {
  signUp(input: { email: $email, password: $password, displayName: "Partner" }) { accessToken user { id } }
}`;
const SET_PAYOUT = `mutation($org: ID!, $acct: String) { setPayoutAccount(organizationId: $org, payoutAccountId: $acct) { payoutAccountId } }`;
const MEMBERSHIPS = `{ me { memberships { role organization { id } } } }`;

/** #14 item 1: an invitation makes a member only of the person who owns the invited mailbox, and only when they accept. */
describe('invitations and email verification', () => {
  let t: TestApp;
  let owner: Party;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await organizationOwner(t, 'MERCHANT', 'Xiangdi Art Center');
  });
  afterAll(() => t.close());

  it('does not make whoever signs up with an invited address a member (the reported takeover)', async () => {
    const partner = uniqueEmail('partner');
    expect(
      (await t.gql(INVITE, { org: owner.organizationId, email: partner, role: 'OWNER' }, owner.token)).errors,
    ).toBeUndefined();

    const stranger = await t.gql(SIGN_UP, { email: partner, password: 'stranger password' });
    const token = stranger.data?.signUp.accessToken as string;
    expect((await t.gql(MEMBERSHIPS, {}, token)).data?.me.memberships).toEqual([]);
    expect(
      errorCode(await t.gql(SET_PAYOUT, { org: owner.organizationId, acct: 'acct_1StrangerStrange' }, token)),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await t.gql(
          `query($m: ID!) { merchantOrders(merchantId: $m) { totalCount } }`,
          { m: owner.organizationId },
          token,
        ),
      ),
    ).toBe('FORBIDDEN');
    // The link went to the mailbox; holding it without owning the (verified) address is not enough either.
    expect(errorCode(await t.gql(ACCEPT, { token: await emailedToken(t, 'INVITATION', partner) }, token))).toBe(
      'FORBIDDEN',
    );
    const [org] = await t.sql<{ payout_account_id: string | null }>(
      `SELECT payout_account_id FROM organizations WHERE id = $1`,
      [owner.organizationId],
    );
    expect(org?.payout_account_id).toBeNull();
  });

  it('makes the owner of the mailbox a member once they verify their address and accept the link, once', async () => {
    const partnerEmail = uniqueEmail('partner-real');
    await t.gql(INVITE, { org: owner.organizationId, email: partnerEmail, role: 'OWNER' }, owner.token);
    const link = await emailedToken(t, 'INVITATION', partnerEmail);
    const [stored] = await t.sql<{ token_hash: string }>(`SELECT token_hash FROM invitations WHERE email = $1`, [
      partnerEmail,
    ]);
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);

    await t.gql(SIGN_UP, { email: partnerEmail, password: PASSWORD });
    const partner = await verifyEmail(t, partnerEmail);
    const accepted = await t.gql(ACCEPT, { token: link }, partner.token);
    expect(accepted.data?.acceptInvitation).toEqual({
      role: 'OWNER',
      organization: { id: owner.organizationId, name: 'Xiangdi Art Center' },
    });
    expect((await t.gql(MEMBERSHIPS, {}, partner.token)).data?.me.memberships).toEqual([
      { role: 'OWNER', organization: { id: owner.organizationId } },
    ]);
    expect(errorCode(await t.gql(ACCEPT, { token: link }, partner.token))).toBe('BAD_USER_INPUT');
    const pending = await t.gql(
      `query($org: ID!) { pendingInvitations(organizationId: $org) { email } }`,
      { org: owner.organizationId },
      owner.token,
    );
    expect(pending.data?.pendingInvitations.map((i: { email: string }) => i.email)).not.toContain(partnerEmail);
  });

  it('no longer adds an existing account at once: it joins when it accepts', async () => {
    const existing = await signUp(t, 'existing');
    await t.gql(INVITE, { org: owner.organizationId, email: existing.email, role: 'STAFF' }, owner.token);
    expect((await t.gql(MEMBERSHIPS, {}, existing.token)).data?.me.memberships).toEqual([]);
    const accepted = await t.gql(
      ACCEPT,
      { token: await emailedToken(t, 'INVITATION', existing.email) },
      existing.token,
    );
    expect(accepted.data?.acceptInvitation.role).toBe('STAFF');
    expect(
      errorCode(await t.gql(INVITE, { org: owner.organizationId, email: existing.email, role: 'STAFF' }, owner.token)),
    ).toBe('CONFLICT');
  });

  it('refuses a link that lapsed, or was replaced by a newer invitation, or reached an unverified account', async () => {
    const invitee = await signUp(t, 'lapsed');
    await t.gql(INVITE, { org: owner.organizationId, email: invitee.email, role: 'STAFF' }, owner.token);
    const older = await emailedToken(t, 'INVITATION', invitee.email);
    await t.gql(INVITE, { org: owner.organizationId, email: invitee.email, role: 'STAFF' }, owner.token);
    const newer = await emailedToken(t, 'INVITATION', invitee.email);
    expect(errorCode(await t.gql(ACCEPT, { token: older }, invitee.token))).toBe('BAD_USER_INPUT');
    t.clock.advanceBy(8 * 86_400_000);
    try {
      const later = await t.gql(
        `mutation($e: String!, $p: String!) { logIn(input: { email: $e, password: $p }) { accessToken } }`,
        { e: invitee.email, p: PASSWORD },
      );
      expect(errorCode(await t.gql(ACCEPT, { token: newer }, later.data?.logIn.accessToken))).toBe('BAD_USER_INPUT');
    } finally {
      t.clock.advanceBy(-8 * 86_400_000);
    }

    const unverified = await signUpUnverified(t, 'unverified');
    await t.gql(INVITE, { org: owner.organizationId, email: unverified.email, role: 'STAFF' }, owner.token);
    const link = await emailedToken(t, 'INVITATION', unverified.email);
    expect(errorCode(await t.gql(ACCEPT, { token: link }, unverified.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(ACCEPT, { token: link }))).toBe('UNAUTHENTICATED');
  });

  it('asks for a verified address before creating an organization or changing payouts', async () => {
    const unverified = await signUpUnverified(t, 'org-maker');
    const create = await t.gql(
      `mutation { createOrganization(input: { kind: MERCHANT, name: "Too soon" }) { id } }`,
      {},
      unverified.token,
    );
    expect(errorCode(create)).toBe('FORBIDDEN');
    expect(create.errors?.[0]?.message).toMatch(/verify/i);
    // An owner whose address lost its proof (an account carried over, say) cannot move the money either.
    const other = await organizationOwner(t, 'MERCHANT', 'Unverified owner shop');
    await t.sql(`UPDATE users SET email_verified_at = NULL WHERE id = $1`, [other.userId]);
    expect(
      errorCode(await t.gql(SET_PAYOUT, { org: other.organizationId, acct: 'acct_1UnverifiedOwner' }, other.token)),
    ).toBe('FORBIDDEN');
  });

  it('emails every owner when the payout account changes, and keeps it in the audit trail', async () => {
    const shop = await organizationOwner(t, 'MERCHANT', 'Payout shop');
    const coOwner = await signUp(t, 'co-owner');
    await t.gql(INVITE, { org: shop.organizationId, email: coOwner.email, role: 'OWNER' }, shop.token);
    await t.gql(ACCEPT, { token: await emailedToken(t, 'INVITATION', coOwner.email) }, coOwner.token);
    const staff = await signUp(t, 'payout-staff');
    await t.gql(INVITE, { org: shop.organizationId, email: staff.email, role: 'STAFF' }, shop.token);
    await t.gql(ACCEPT, { token: await emailedToken(t, 'INVITATION', staff.email) }, staff.token);

    expect(
      (await t.gql(SET_PAYOUT, { org: shop.organizationId, acct: 'acct_1Nv0FGQ9RKHgCVdK' }, coOwner.token)).errors,
    ).toBeUndefined();
    const mails = await t.sql<{
      recipient_user_id: string;
      payload: { previous: string | null; next: string; changedBy: string };
    }>(
      `SELECT recipient_user_id, payload FROM notifications WHERE kind = 'PAYOUT_ACCOUNT_CHANGED' AND recipient_user_id = ANY($1)`,
      [[shop.userId, coOwner.userId, staff.userId]],
    );
    expect(mails.map((m) => m.recipient_user_id).sort()).toEqual([shop.userId, coOwner.userId].sort());
    expect(mails[0]?.payload).toMatchObject({
      previous: null,
      next: 'acct_1Nv0FGQ9RKHgCVdK',
      changedBy: coOwner.email,
    });
    const inbox = await t.gql(`{ devNotifications { kind orderId } }`, {}, shop.token);
    expect(inbox.data?.devNotifications).toContainEqual({ kind: 'PAYOUT_ACCOUNT_CHANGED', orderId: null });

    const TRAIL = `query($org: ID!) { organizationAuditTrail(organizationId: $org) { action actorUserId details } }`;
    const trail = await t.gql(TRAIL, { org: shop.organizationId }, shop.token);
    expect(trail.data?.organizationAuditTrail.map((e: { action: string }) => e.action)).toEqual([
      'MEMBER_INVITED',
      'INVITATION_ACCEPTED',
      'MEMBER_INVITED',
      'INVITATION_ACCEPTED',
      'PAYOUT_ACCOUNT_CHANGED',
    ]);
    const change = trail.data?.organizationAuditTrail[4];
    expect(change.actorUserId).toBe(coOwner.userId);
    expect(JSON.parse(change.details)).toEqual({ previous: null, next: 'acct_1Nv0FGQ9RKHgCVdK' });
    expect(errorCode(await t.gql(TRAIL, { org: shop.organizationId }, staff.token))).toBe('FORBIDDEN');
  });

  it('emails the link through the sender, and keeps no copy of its token once a mail server has it', async () => {
    const sender = t.app.get(EmailSender);
    const job = t.app.get(NotificationDeliveryJob);
    await job.deliverDue();
    const party = await signUpUnverified(t, 'smtp-verify');
    const sent: EmailMessage[] = [];
    const original = { kind: sender.kind, send: sender.send };
    // As an SMTP sender would: the development sender's inbox is the outbox itself, so it keeps the token.
    Object.defineProperty(sender, 'kind', { value: 'smtp', configurable: true });
    sender.send = async (message: EmailMessage) => {
      sent.push(message);
      return { messageId: '<test@chedun.test>' };
    };
    // The suite's clock stands still; the outbox row was stamped by the database's.
    t.clock.advanceBy(600_000);
    try {
      await job.deliverDue();
    } finally {
      t.clock.advanceBy(-600_000);
      Object.defineProperty(sender, 'kind', { value: original.kind, configurable: true });
      sender.send = original.send;
    }
    const mail = sent.find((m) => m.to === party.email);
    const link = /\/verify-email#token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
    expect(link).toBeDefined();
    const [row] = await t.sql<{ payload: Record<string, unknown>; sent_at: Date | null }>(
      `SELECT payload, sent_at FROM notifications WHERE kind = 'EMAIL_VERIFICATION' AND recipient_email = $1`,
      [party.email],
    );
    expect(row?.sent_at).not.toBeNull();
    expect(row?.payload).not.toHaveProperty('token');
    const verified = await t.gql(
      `mutation($token: String!) { verifyEmail(token: $token) { user { emailVerified } } }`,
      { token: link },
    );
    expect(verified.data?.verifyEmail.user.emailVerified).toBe(true);
  });
});
