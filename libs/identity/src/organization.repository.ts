import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { OrganizationEntity, OrganizationKind } from './identity.entity';

export type NewOrganization = Pick<OrganizationEntity, 'kind' | 'name' | 'nameZh'>;

/** The `organizations` table. */
@Injectable()
export class OrganizationRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): OrganizationRepository {
    return new OrganizationRepository(manager);
  }

  insert(organization: NewOrganization): Promise<OrganizationEntity> {
    return this.manager.save(this.manager.create(OrganizationEntity, organization));
  }

  findById(id: string): Promise<OrganizationEntity | null> {
    return this.manager.findOneBy(OrganizationEntity, { id });
  }

  /** Throws when there is no such organization: for ids a foreign key vouches for. */
  getById(id: string): Promise<OrganizationEntity> {
    return this.manager.findOneByOrFail(OrganizationEntity, { id });
  }

  /** Locked until the transaction ends: changes to one organization are serialised. */
  lockById(id: string): Promise<OrganizationEntity | null> {
    return this.manager.findOne(OrganizationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findByIds(ids: readonly string[]): Promise<OrganizationEntity[]> {
    return this.manager.getRepository(OrganizationEntity).findBy({ id: In([...ids]) });
  }

  /** The one PLATFORM organization, once created. */
  findPlatform(): Promise<OrganizationEntity | null> {
    return this.manager.findOneBy(OrganizationEntity, { kind: OrganizationKind.PLATFORM });
  }

  async setPayoutAccount(id: string, payoutAccountId: string | null): Promise<void> {
    await this.manager.update(OrganizationEntity, { id }, { payoutAccountId });
  }

  /** Ids of the organizations of this kind that have a payout account. */
  async idsWithPayoutAccount(kind: OrganizationKind): Promise<string[]> {
    const orgs = await this.manager.find(OrganizationEntity, {
      select: { id: true },
      where: { kind, payoutAccountId: Not(IsNull()) },
    });
    return orgs.map((o) => o.id);
  }
}
