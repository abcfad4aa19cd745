import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import { Actor, ActorMembership } from './actor';
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
    const rows = await this.dataSource.query<
      { email: string; email_verified: boolean; organization_id: string | null; kind: ActorMembership['kind'] | null; role: ActorMembership['role'] | null }[]
    >(
      `SELECT u.email, u.email_verified_at IS NOT NULL AS email_verified, m.organization_id, o.kind, m.role
         FROM users u
         LEFT JOIN memberships m ON m.user_id = u.id
         LEFT JOIN organizations o ON o.id = m.organization_id
        WHERE u.id = $1`,
      [userId],
    );
    const first = rows[0];
    if (!first) throw DomainError.unauthenticated('The account no longer exists');
    const memberships = rows.flatMap((r) =>
      r.organization_id && r.kind && r.role ? [{ organizationId: r.organization_id, kind: r.kind, role: r.role }] : [],
    );
    return new Actor(userId, first.email, memberships, first.email_verified);
  }
}
