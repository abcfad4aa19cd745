import { ErrorMessage, Loading } from '../components/states';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import { useQuery } from '../lib/use-query';

const VerifyProduct = graphql(`
  query VerifyProduct($code: String!) {
    verifyProduct(code: $code) {
      product {
        id
        name
        nameZh
      }
      filmIp {
        title
        titleZh
      }
      studio {
        name
        nameZh
      }
      merchant {
        name
        nameZh
      }
      licenseStatus
      validUntil
    }
  }
`);

/** Public proof of license: what a product's QR opens. An unknown code reads like the counterfeit it probably is. */
export function VerifyProductPage({ code }: { code: string }) {
  const { t, pick, formatDate } = useI18n();
  const verification = useQuery(VerifyProduct, { code });
  if (verification.loading) return <Loading />;
  if (verification.error && verification.error.code !== 'NOT_FOUND') {
    return <ErrorMessage error={verification.error} onRetry={verification.reload} />;
  }
  const v = verification.data?.verifyProduct;
  return (
    <section className="card narrow" aria-labelledby="proof-title" data-testid="proof">
      <p className="eyebrow">{t('proof.title')}</p>
      {!v ? (
        <h1 id="proof-title" className="state-error" data-verdict="UNKNOWN">
          {t('proof.unknown')}
        </h1>
      ) : (
        <>
          <h1
            id="proof-title"
            className={v.licenseStatus === 'ACTIVE' ? 'success' : 'state-error'}
            data-verdict={v.licenseStatus}
          >
            {v.licenseStatus === 'ACTIVE' ? t('proof.genuine') : t(`proof.${v.licenseStatus}`)}
          </h1>
          <h2>{pick(v.product.nameZh, v.product.name)}</h2>
          <p>
            {t('proof.statement', {
              studio: pick(v.studio.nameZh, v.studio.name),
              merchant: pick(v.merchant.nameZh, v.merchant.name),
              ip: pick(v.filmIp.titleZh, v.filmIp.title),
              date: formatDate(v.validUntil),
            })}
          </p>
        </>
      )}
    </section>
  );
}
