import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { OrganizationLogoEntity } from './organization-logo.entity';

/** The `organization_logos` table: which upload is each organization's logo. */
@Injectable()
export class OrganizationLogoRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The logos of many organizations in one query; organizations without one are absent. */
  logosOf(organizationIds: readonly string[]): Promise<OrganizationLogoEntity[]> {
    if (organizationIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.findBy(OrganizationLogoEntity, {
      organizationId: In([...new Set(organizationIds)]),
    });
  }

  /** The organization's logo becomes this upload (one row per organization, so concurrent calls end in one). */
  async set(logo: OrganizationLogoEntity): Promise<void> {
    await this.dataSource.manager.upsert(OrganizationLogoEntity, logo, ['organizationId']);
  }

  /** Removes the reference only: the upload and its files stay. */
  async clear(organizationId: string): Promise<void> {
    await this.dataSource.manager.delete(OrganizationLogoEntity, { organizationId });
  }
}
