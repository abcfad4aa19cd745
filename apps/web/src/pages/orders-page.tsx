import { QueryView } from '../components/states';
import { StatusBadge } from '../components/status-badge';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import { Link } from '../lib/router';
import { useMe } from '../lib/use-me';
import { useQuery } from '../lib/use-query';

const MyOrders = graphql(`
  query MyOrders {
    myOrders(first: 20) {
      edges {
        node {
          id
          status
          createdAt
          total {
            amountMinor
            currency
          }
          lines {
            id
            productName
            productNameZh
            quantity
          }
        }
      }
    }
  }
`);

export function OrdersPage() {
  const { t, pick, formatMoney, formatDate } = useI18n();
  const me = useMe();
  const orders = useQuery(MyOrders, {}, { skip: !me.signedIn });
  if (!me.signedIn) {
    return (
      <section className="card narrow">
        <p>{t('order.needLogin')}</p>
        <Link className="button" to="/login?next=/orders">
          {t('auth.login')}
        </Link>
      </section>
    );
  }
  return (
    <section>
      <h1>{t('order.mine')}</h1>
      <QueryView state={orders} isEmpty={(d) => d.myOrders.edges.length === 0} empty={t('order.none')}>
        {(d) => (
          <ul className="list">
            {d.myOrders.edges.map(({ node }) => (
              <li key={node.id} className="card">
                <h2 className="h3">
                  <Link to={`/orders/${node.id}`}>
                    {node.lines.map((l) => `${pick(l.productNameZh, l.productName)} × ${l.quantity}`).join('，')}
                  </Link>
                </h2>
                <p>
                  <StatusBadge vocabulary="orderStatus" status={node.status} />{' '}
                  {formatMoney(node.total.amountMinor, node.total.currency)} · {formatDate(node.createdAt)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
