import { Injectable } from '@nestjs/common';
import { isId } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { LicensedProductRow, ProductRepository } from './product.repository';

/** What other contexts (sales reports) may know of the products made under a license. */
export type LicensedProduct = LicensedProductRow;

@Injectable()
export class LicensedProductReader {
  constructor(private readonly products: ProductRepository) {}

  /** The license's products (`ids` narrows them; ids that are not uuids match nothing), read in `manager` if given. */
  async ofLicense(licenseId: string, ids?: readonly string[], manager?: EntityManager): Promise<LicensedProduct[]> {
    if (!isId(licenseId)) return [];
    const wanted = ids?.filter(isId).map((id) => id.toLowerCase());
    if (wanted && wanted.length === 0) return [];
    const repository = manager ? this.products.forManager(manager) : this.products;
    return repository.licensedProducts(licenseId.toLowerCase(), wanted);
  }
}
