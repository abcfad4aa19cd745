import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import { Actor, ActorMembership } from './actor';
import { normalizeEmail } from './auth.service';
import { TokenService } from './token.service';

@Injectable()
export class ActorLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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

  /** The account with this email, with its memberships, or null: for the app's seeding, which has no token to show. */
  byEmail(email: string): Promise<Actor | null> {
    return this.load('email', normalizeEmail(email));
  }

  private async load(by: 'id' | 'email', value: string): Promise<Actor | null> {
    const rows = await this.dataSource.query<
      { id: string; email: string; organization_id: string | null; kind: ActorMembership['kind'] | null; role: ActorMembership['role'] | null }[]
    >(
      `SELECT u.id, u.email, m.organization_id, o.kind, m.role
         FROM users u
         LEFT JOIN memberships m ON m.user_id = u.id
         LEFT JOIN organizations o ON o.id = m.organization_id
        WHERE u.${by} = $1
        ORDER BY m.created_at`,
      [value],
    );
    const first = rows[0];
    if (!first) return null;
    const memberships = rows.flatMap((r) =>
      r.organization_id && r.kind && r.role ? [{ organizationId: r.organization_id, kind: r.kind, role: r.role }] : [],
    );
    return new Actor(first.id, first.email, memberships);
  }
}
