import { randomUUID } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';

export interface RecordedStripeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The form-encoded body as the SDK sent it, e.g. `metadata[orderId]`. */
  form: Record<string, string>;
  rawBody: string;
}

interface ScriptedFailure {
  status: number;
  error: Record<string, unknown>;
}

/**
 * A few of Stripe's endpoints (PaymentIntents, refunds, transfers) on 127.0.0.1, enough to drive the official SDK
 * against: records each request, answers in Stripe's shape, replays the first answer for a repeated
 * Idempotency-Key as Stripe does, and fails on demand.
 */
export class FakeStripe {
  readonly requests: RecordedStripeRequest[] = [];
  private readonly byIdempotencyKey = new Map<string, { status: number; body: unknown; rawBody: string }>();
  private readonly failures: ScriptedFailure[] = [];
  private server: Server | undefined;
  port = 0;
  /** What a new refund reports; Alipay and WeChat Pay refunds often start `pending`. */
  refundStatus = 'succeeded';

  static async start(): Promise<FakeStripe> {
    const fake = new FakeStripe();
    await fake.listen();
    return fake;
  }

  /** The env that points the app's Stripe SDK here. */
  env(): Record<string, string> {
    return { STRIPE_API_HOST: '127.0.0.1', STRIPE_API_PORT: String(this.port), STRIPE_API_PROTOCOL: 'http' };
  }

  /** Requests to these paths are read and recorded but never answered, as a Stripe that hangs. */
  readonly hangPaths = new Set<string>();

  failNext(status: number, error: Record<string, unknown>): void {
    this.failures.push({ status, error });
  }

  /** The transfers asked for, replays included (one per HTTP request that reached the fake). */
  transferRequests(): RecordedStripeRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path === '/v1/transfers');
  }

  last(): RecordedStripeRequest {
    const request = this.requests.at(-1);
    if (!request) throw new Error('No request reached the fake Stripe');
    return request;
  }

  close(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve, reject) => (this.server ? this.server.close((e) => (e ? reject(e) : resolve())) : resolve()));
  }

  private listen(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const rawBody = Buffer.concat(chunks).toString('utf8');
        const request: RecordedStripeRequest = {
          method: req.method ?? '',
          path: (req.url ?? '').split('?')[0] ?? '',
          headers: req.headers,
          form: Object.fromEntries(new URLSearchParams(rawBody)),
          rawBody,
        };
        this.requests.push(request);
        if (this.hangPaths.has(request.path)) return;
        const { status, body } = this.answer(request);
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomUUID().slice(0, 8)}`, 'stripe-should-retry': 'false' });
        res.end(JSON.stringify(body));
      });
    });
    return new Promise((resolve) => {
      this.server?.listen(0, '127.0.0.1', () => {
        this.port = (this.server?.address() as { port: number }).port;
        resolve();
      });
    });
  }

  private answer(request: RecordedStripeRequest): { status: number; body: unknown } {
    const key = request.headers['idempotency-key'];
    // Stripe's rule for money movement: a transfer without a key could be sent twice by a retry, so the fake refuses it.
    if (request.path === '/v1/transfers' && typeof key !== 'string') {
      return { status: 400, body: { error: { type: 'invalid_request_error', code: 'idempotency_key_required', message: 'Transfers need an Idempotency-Key' } } };
    }
    const replay = typeof key === 'string' ? this.byIdempotencyKey.get(`${request.path}:${key}`) : undefined;
    if (replay && replay.rawBody !== request.rawBody) {
      return {
        status: 400,
        body: {
          error: {
            type: 'idempotency_error',
            message: 'Keys for idempotent requests can only be used with the same parameters they were first used with.',
          },
        },
      };
    }
    if (replay) return { status: replay.status, body: replay.body };
    const failure = this.failures.shift();
    const answer = failure ? { status: failure.status, body: { error: failure.error } } : this.respond(request);
    if (typeof key === 'string' && answer.status < 500) this.byIdempotencyKey.set(`${request.path}:${key}`, { ...answer, rawBody: request.rawBody });
    return answer;
  }

  private respond({ method, path, form }: RecordedStripeRequest): { status: number; body: unknown } {
    const created = Math.floor(Date.now() / 1000);
    if (method === 'POST' && path === '/v1/payment_intents') {
      const id = `pi_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
      return {
        status: 200,
        body: {
          id,
          object: 'payment_intent',
          amount: Number(form['amount']),
          currency: form['currency'],
          client_secret: `${id}_secret_${randomUUID().slice(0, 8)}`,
          status: 'requires_payment_method',
          metadata: { orderId: form['metadata[orderId]'] },
          transfer_group: form['transfer_group'] ?? null,
          created,
          livemode: false,
        },
      };
    }
    if (method === 'POST' && path === '/v1/refunds') {
      return {
        status: 200,
        body: {
          id: `re_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
          object: 'refund',
          amount: Number(form['amount']),
          payment_intent: form['payment_intent'],
          status: this.refundStatus,
          created,
        },
      };
    }
    if (method === 'POST' && path === '/v1/transfers') {
      return {
        status: 200,
        body: {
          id: `tr_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
          object: 'transfer',
          amount: Number(form['amount']),
          currency: form['currency'],
          destination: form['destination'],
          transfer_group: form['transfer_group'] ?? null,
          created,
        },
      };
    }
    return { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` } } };
  }
}
