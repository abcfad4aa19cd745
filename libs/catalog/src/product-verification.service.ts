import { Injectable } from '@nestjs/common';
import { OrganizationService } from '@chedun/identity';
import { FilmIpReader } from '@chedun/ip';
import { Clock, LicenseStatus, shanghaiDate } from '@chedun/kernel';
import { LicenseReader } from '@chedun/licensing';
import { CatalogException } from './catalog.exception';
import { ProductVerification } from './catalog.types';
import { ProductRepository } from './product.repository';

/** The shape of a code the catalog hands out (base64url of 15 random bytes); anything else cannot be one. */
const CODE = /^[A-Za-z0-9_-]{20}$/;

/**
 * Proof of license (DESIGN): a product's verification code names who licensed whom for which IP until when, or says
 * the license no longer holds. It reveals nothing else, and an unknown code (a counterfeit tag) is NOT_FOUND whatever
 * it looks like, so answers say nothing about which codes exist beyond the one asked.
 */
@Injectable()
export class ProductVerificationService {
  constructor(
    private readonly products: ProductRepository,
    private readonly licenses: LicenseReader,
    private readonly filmIps: FilmIpReader,
    private readonly organizations: OrganizationService,
    private readonly clock: Clock,
  ) {}

  async verify(code: string): Promise<ProductVerification> {
    const unknown = (): CatalogException => CatalogException.notFound('Verification code');
    if (!CODE.test(code)) throw unknown();
    const product = await this.products.findByVerificationCode(code);
    if (!product) throw unknown();
    const license = await this.licenses.findById(product.licenseId);
    const [filmIp] = await this.filmIps.findByIds([product.filmIpId]);
    const parties = new Map(
      (await this.organizations.profiles([product.studioId, product.merchantId])).map((o) => [o.id, o]),
    );
    const studio = parties.get(product.studioId);
    const merchant = parties.get(product.merchantId);
    if (!license || !filmIp || !studio || !merchant) throw unknown();
    // The expiry job runs daily; a license past its last day no longer holds even before the job has marked it.
    const today = shanghaiDate(this.clock.now());
    const licenseStatus =
      license.status === LicenseStatus.ACTIVE && license.endsOn < today ? LicenseStatus.EXPIRED : license.status;
    return {
      product: { id: product.id, name: product.name, nameZh: product.nameZh },
      filmIp: { title: filmIp.title, titleZh: filmIp.titleZh },
      studio: { name: studio.name, nameZh: studio.nameZh },
      merchant: { name: merchant.name, nameZh: merchant.nameZh },
      licenseStatus,
      validUntil: license.endsOn,
    };
  }
}
