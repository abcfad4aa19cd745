import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Length } from 'class-validator';
import { Actor } from './actor';
import { ClientAddress, CurrentActor, Public } from './auth.guard';
import { RateLimited } from './rate-limits';
import { AuthService, Session } from './auth.service';
import { AuthPayload, LogInInput, Membership, SignUpInput, User } from './identity.types';
import { OrganizationService } from './organization.service';
import { UserEntity } from './identity.entity';
import { UserRepository } from './user.repository';
import { DomainError } from '@chedun/kernel';
import { ArgsType, Field } from '@nestjs/graphql';

@ArgsType()
class RefreshTokenArgs {
  @Field()
  @Length(10, 200)
  refreshToken!: string;
}

function toPayload(session: Session): AuthPayload {
  return {
    accessToken: session.accessToken,
    accessTokenExpiresAt: session.accessTokenExpiresAt,
    refreshToken: session.refreshToken,
    user: toUser(session.user),
  };
}

function toUser(user: UserEntity): User {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    emailVerified: user.emailVerifiedAt !== null,
  };
}

/** A single-use secret from an emailed link (256 random bits, base64url). */
@ArgsType()
export class LinkTokenArgs {
  @Field()
  @Length(20, 200)
  token!: string;
}

@Resolver(() => User)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly organizations: OrganizationService,
    private readonly users: UserRepository,
  ) {}

  @Public()
  @RateLimited('signUp', (args) => {
    const input = args['input'] as { email?: unknown } | undefined;
    return typeof input?.email === 'string' ? input.email : undefined;
  })
  @Mutation(() => AuthPayload, {
    description:
      'Creates a visitor account, unverified, signs it in and emails a verification link. Answers the same for an address that already has an account (whose owner is emailed instead).',
  })
  async signUp(@Args('input') input: SignUpInput, @ClientAddress() address: string): Promise<AuthPayload> {
    return toPayload(await this.auth.signUp(input, address));
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Follows the emailed verification link (single use, expiring): the address is verified and the user signed in.',
  })
  async verifyEmail(@Args() args: LinkTokenArgs, @ClientAddress() address: string): Promise<AuthPayload> {
    return toPayload(await this.auth.verifyEmail(args.token, address));
  }

  @RateLimited('signUp')
  @Mutation(() => Boolean, {
    description: "Emails a new verification link to the signed-in user's address (the older link stops working).",
  })
  async resendVerificationEmail(@CurrentActor() actor: Actor): Promise<boolean> {
    await this.auth.resendVerificationEmail(actor.userId);
    return true;
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Wrong email, wrong password and an account whose address is not verified yet answer the same UNAUTHENTICATED.',
  })
  async logIn(@Args('input') input: LogInInput, @ClientAddress() address: string): Promise<AuthPayload> {
    return toPayload(await this.auth.logIn(input, address));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Exchanges a refresh token (single use) for a new pair.' })
  async refreshToken(@Args() args: RefreshTokenArgs): Promise<AuthPayload> {
    return toPayload(await this.auth.refresh(args.refreshToken));
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the session the refresh token belongs to.' })
  async logOut(@Args() args: RefreshTokenArgs): Promise<boolean> {
    await this.auth.logOut(args.refreshToken);
    return true;
  }

  @Query(() => User, { description: 'The signed-in user.' })
  async me(@CurrentActor() actor: Actor): Promise<User> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw DomainError.unauthenticated('The account no longer exists');
    return toUser(user);
  }

  /**
   * Resolved from the user it belongs to, never from the request's caller: a User is only ever answered to that user
   * (me, and the session a sign-up, log-in or refresh has just opened, where no caller was signed in yet).
   */
  @ResolveField(() => [Membership])
  async memberships(@Parent() user: User): Promise<Membership[]> {
    return this.organizations.membershipsOf(user.id);
  }
}
