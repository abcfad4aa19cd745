import { Actor, ActorMembership } from '@chedun/identity';
import { DataSource } from 'typeorm';

/** The organization's owner as an actor, with all their memberships: who the demo seeders act as. */
export async function organizationOwner(dataSource: DataSource, organizationId: string): Promise<Actor> {
  const rows: {
    user_id: string;
    email: string;
    organization_id: string;
    kind: ActorMembership['kind'];
    role: ActorMembership['role'];
  }[] = await dataSource.query(
    `SELECT u.id AS user_id, u.email, m.organization_id, o.kind, m.role
         FROM memberships owner
         JOIN users u ON u.id = owner.user_id
         JOIN memberships m ON m.user_id = u.id
         JOIN organizations o ON o.id = m.organization_id
        WHERE owner.organization_id = $1 AND owner.role = 'OWNER'
        ORDER BY owner.created_at`,
    [organizationId],
  );
  const first = rows[0];
  if (!first) throw new Error(`Organization ${organizationId} has no owner`);
  const mine = rows.filter((r) => r.user_id === first.user_id);
  return new Actor(
    first.user_id,
    first.email,
    mine.map((r) => ({ organizationId: r.organization_id, kind: r.kind, role: r.role })),
  );
}
