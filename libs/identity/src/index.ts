/**
 * What other contexts may use of identity: the actor and its guards, organizations' public profiles and payout
 * reads, and the vocabulary (kinds, roles). Its entities stay inside: other contexts read through `IdentityReader`,
 * `OrganizationService` and `ActorLoader`, never through identity's tables.
 */
export { MembershipRole, OrganizationKind } from './identity.entity';
export { Actor } from './actor';
export type { ActorMembership } from './actor';
export { ActorLoader } from './actor.loader';
export { CurrentActor, OptionalActor, Public } from './auth.guard';
export { AuthService } from './auth.service';
export { OrganizationService } from './organization.service';
export type { OrganizationProfile } from './organization.service';
export { IdentityReader } from './identity.reader';
export type { Recipient } from './identity.reader';
export { IdentityModule } from './identity.module';
export { Organization } from './identity.types';
export { toOrganization } from './organization.resolver';
export { JWT_SIGNING_SECRET } from './token.service';
export { PasswordHasher } from './password.hasher';
export { RateLimited, RateLimits } from './rate-limits';
