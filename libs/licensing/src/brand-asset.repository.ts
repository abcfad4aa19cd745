import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { BrandAssetEntity } from './brand-asset.entity';

export type NewBrandAsset = Omit<BrandAssetEntity, 'id' | 'createdAt'>;

/** At most this many assets are listed per IP: a portal of official files, not an archive. */
export const MAX_BRAND_ASSETS_LISTED = 200;

/** The `brand_assets` table. */
@Injectable()
export class BrandAssetRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  insert(asset: NewBrandAsset): Promise<BrandAssetEntity> {
    return this.manager.save(this.manager.create(BrandAssetEntity, asset));
  }

  findById(id: string): Promise<BrandAssetEntity | null> {
    return this.manager.findOneBy(BrandAssetEntity, { id });
  }

  /** The IP's assets, newest first. */
  ofFilmIp(filmIpId: string): Promise<BrandAssetEntity[]> {
    return this.manager.find(BrandAssetEntity, {
      where: { filmIpId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: MAX_BRAND_ASSETS_LISTED,
    });
  }
}
