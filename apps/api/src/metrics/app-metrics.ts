import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const LAG_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1800, 3600];
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Operation names are chosen by clients: past this many distinct ones, new names are counted as `other`. */
const MAX_OPERATION_NAMES = 200;

/**
 * The API process's Prometheus metrics, one registry per app instance (tests start several in one process).
 * Values that live in the database (outbox depth) and in the pool are read when /metrics is scraped.
 */
export class AppMetrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();

  readonly httpDuration = new Histogram({
    name: 'chedun_http_request_duration_seconds',
    help: 'HTTP requests by method, matched route and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'chedun_graphql_operation_duration_seconds',
    help: 'GraphQL operations by operation name, type and outcome (OK or the first error code)',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly checkoutOutcomes = new Counter({
    name: 'chedun_checkout_outcomes_total',
    help: 'checkout mutations by outcome: OK, OUT_OF_STOCK, RATE_LIMITED, BAD_USER_INPUT, CONFLICT, ...',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly paymentEventLag = new Histogram({
    name: 'chedun_payment_event_lag_seconds',
    help: 'From the payment provider creating an event (webhook or development confirmation) to this process applying it',
    labelNames: ['type'] as const,
    buckets: LAG_BUCKETS,
    registers: [this.registry],
  });

  readonly reservationsExpired = new Counter({
    name: 'chedun_reservations_expired_total',
    help: 'Unpaid orders cancelled because their reservation lapsed (stock and seats returned)',
    registers: [this.registry],
  });

  readonly outboxPending = new Gauge({
    name: 'chedun_outbox_pending',
    help: 'Rows waiting in each outbox (search index feed, order notifications), read at scrape time',
    labelNames: ['outbox'] as const,
    registers: [this.registry],
  });

  readonly dbPool = new Gauge({
    name: 'chedun_db_pool_connections',
    help: 'Database pool of this process: total, idle, waiting clients, and its configured max',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'chedun_' });
  }

  /** A bounded label for a client-chosen operation name. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }
}
