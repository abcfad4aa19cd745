import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActorLoader } from './actor.loader';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import {
  EmailVerificationEntity,
  InvitationEntity,
  KnownLoginAddressEntity,
  MembershipEntity,
  OrganizationAuditEntryEntity,
  OrganizationEntity,
  RefreshTokenEntity,
  UserEntity,
} from './identity.entity';
import { AccountEmails } from './account-email.events';
import { EmailVerificationService } from './email-verification.service';
import { InvitationService } from './invitation.service';
import { OrganizationAuditService } from './organization-audit.service';
import { IdentityReader } from './identity.reader';
import { LoginThrottle } from './login-throttle';
import { OrganizationResolver } from './organization.resolver';
import { OrganizationService } from './organization.service';
import { PasswordHasher } from './password.hasher';
import { RateLimitRepository } from './rate-limit.repository';
import { RateLimits } from './rate-limits';
import { TokenService } from './token.service';
import { EmailVerificationRepository } from './email-verification.repository';
import { InvitationRepository } from './invitation.repository';
import { KnownLoginAddressRepository } from './known-login-address.repository';
import { MembershipRepository } from './membership.repository';
import { OrganizationAuditRepository } from './organization-audit.repository';
import { OrganizationRepository } from './organization.repository';
import { RefreshTokenRepository } from './refresh-token.repository';
import { UserRepository } from './user.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      UserEntity,
      OrganizationEntity,
      MembershipEntity,
      InvitationEntity,
      RefreshTokenEntity,
      KnownLoginAddressEntity,
      EmailVerificationEntity,
      OrganizationAuditEntryEntity,
    ]),
  ],
  providers: [
    UserRepository,
    OrganizationRepository,
    MembershipRepository,
    InvitationRepository,
    RefreshTokenRepository,
    KnownLoginAddressRepository,
    EmailVerificationRepository,
    OrganizationAuditRepository,
    PasswordHasher,
    TokenService,
    LoginThrottle,
    RateLimits,
    RateLimitRepository,
    AccountEmails,
    EmailVerificationService,
    AuthService,
    OrganizationAuditService,
    OrganizationService,
    InvitationService,
    IdentityReader,
    ActorLoader,
    AuthResolver,
    OrganizationResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [OrganizationService, IdentityReader, AuthService, ActorLoader, RateLimits],
})
export class IdentityModule {}
