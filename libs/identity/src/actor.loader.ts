import { Injectable } from '@nestjs/common';
import { DomainError } from '@chedun/kernel';
import { Actor } from './actor';
import { normalizeEmail } from './auth.service';
import { TokenService } from './token.service';
import { UserRepository } from './user.repository';

@Injectable()
export class ActorLoader {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
  ) {}

  /** Resolves a bearer token into an actor with memberships, in one query. */
  async fromBearer(authorization: string): Promise<Actor> {
    const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(authorization.trim());
    if (!match?.[1]) throw DomainError.unauthenticated('Authorization must be "Bearer <accessToken>"');
    const { userId } = await this.tokens.verifyAccessToken(match[1]);
    const actor = await this.load('id', userId);
    if (!actor) throw DomainError.unauthenticated('The account no longer exists');
    return actor;
  }

  /**
   * The verified account with this email, with its memberships, or null: for the app's seeding, which has no token to
   * show. Only a verified account owns its address; unverified sign-ups with the same address are not it.
   */
  byEmail(email: string): Promise<Actor | null> {
    return this.load('email', normalizeEmail(email));
  }

  private async load(by: 'id' | 'email', value: string): Promise<Actor | null> {
    const row = await this.users.actorRow(by, value);
    return row ? new Actor(row.id, row.email, row.memberships, row.email_verified) : null;
  }
}
