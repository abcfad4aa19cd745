import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Length } from 'class-validator';
import { Actor } from './actor';
import { ClientAddress, CurrentActor, Public } from './auth.guard';
import { RateLimited } from './rate-limits';
import { AuthService, Session } from './auth.service';
import { AuthPayload, LogInInput, Membership, SignUpInput, User } from './identity.types';
import { OrganizationService } from './organization.service';
import { UserEntity } from './identity.entity';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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
  return { id: user.id, email: user.email, displayName: user.displayName };
}

@Resolver(() => User)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly organizations: OrganizationService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Public()
  @RateLimited('signUp', (args) => {
    const input = args['input'] as { email?: unknown } | undefined;
    return typeof input?.email === 'string' ? input.email : undefined;
  })
  @Mutation(() => AuthPayload, { description: 'Creates a visitor account and signs it in.' })
  async signUp(@Args('input') input: SignUpInput, @ClientAddress() address: string): Promise<AuthPayload> {
    return toPayload(await this.auth.signUp(input, address));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Wrong email and wrong password answer the same UNAUTHENTICATED.' })
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
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: actor.userId });
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
