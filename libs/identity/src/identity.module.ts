import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActorLoader } from './actor.loader';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import {
  InvitationEntity,
  KnownLoginAddressEntity,
  MembershipEntity,
  OrganizationEntity,
  RefreshTokenEntity,
  UserEntity,
} from './identity.entity';
import { IdentityReader } from './identity.reader';
import { LoginThrottle } from './login-throttle';
import { OrganizationResolver } from './organization.resolver';
import { OrganizationService } from './organization.service';
import { PasswordHasher } from './password.hasher';
import { RateLimits } from './rate-limits';
import { TokenService } from './token.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, OrganizationEntity, MembershipEntity, InvitationEntity, RefreshTokenEntity, KnownLoginAddressEntity]),
  ],
  providers: [
    PasswordHasher,
    TokenService,
    LoginThrottle,
    RateLimits,
    AuthService,
    OrganizationService,
    IdentityReader,
    ActorLoader,
    AuthResolver,
    OrganizationResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [OrganizationService, IdentityReader, AuthService, ActorLoader, RateLimits],
})
export class IdentityModule {}
