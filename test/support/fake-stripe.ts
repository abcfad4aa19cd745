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

/** A PaymentIntent as the fake keeps it, with its one charge's refunded total. */
export interface FakeIntent {
  id: string;
  amount: number;
  currency: string;
  status: string;
  metadata: Record<string, string>;
  transfer_group: string | null;
  created: number;
  chargeId: string;
  amountRefunded: number;
}

interface ScriptedFailure {
  status: number;
  error: Record<string, unknown>;
}

/**
 * A few of Stripe's endpoints (PaymentIntents create and list, refunds, transfers) on 127.0.0.1, enough to drive the
 * official SDK against: records each request, answers in Stripe's shape, replays the first answer for a repeated
 * Idempotency-Key as Stripe does, and fails on demand. It keeps the PaymentIntents it created, so a test plays the
 * provider's side (a visitor paying, a refund) with `succeed` / `intents`, and list calls page through them.
 */
export class FakeStripe {
  readonly requests: RecordedStripeRequest[] = [];
  private readonly byIdempotencyKey = new Map<string, { status: number; body: unknown; rawBody: string }>();
  private readonly failures: ScriptedFailure[] = [];
  private server: Server | undefined;
  port = 0;
  /** What a new refund reports; Alipay and WeChat Pay refunds often start `pending`. */
  refundStatus = 'succeeded';
  /** The PaymentIntents created here, by id. */
  readonly intents = new Map<string, FakeIntent>();
  /** The most a list page holds, whatever `limit` asks (Stripe's own cap is 100); small values force paging. */
  listPageCap = 100;

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

  /** Plays the visitor paying: the intent succeeds; returns it as a webhook's `data.object` would carry it. */
  succeed(id: string): Record<string, unknown> {
    const intent = this.intents.get(id);
    if (!intent) throw new Error(`The fake Stripe has no PaymentIntent ${id}`);
    intent.status = 'succeeded';
    return this.intentBody(intent, false);
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
    return new Promise((resolve, reject) =>
      this.server ? this.server.close((e) => (e ? reject(e) : resolve())) : resolve(),
    );
  }

  private listen(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const rawBody = Buffer.concat(chunks).toString('utf8');
        const [path = '', query = ''] = (req.url ?? '').split('?');
        const request: RecordedStripeRequest = {
          method: req.method ?? '',
          path,
          headers: req.headers,
          // The SDK sends GET parameters in the query string, POST parameters in the body.
          form: Object.fromEntries(new URLSearchParams(req.method === 'GET' ? query : rawBody)),
          rawBody,
        };
        this.requests.push(request);
        if (this.hangPaths.has(request.path)) return;
        const { status, body } = this.answer(request);
        res.writeHead(status, {
          'content-type': 'application/json',
          'request-id': `req_${randomUUID().slice(0, 8)}`,
          'stripe-should-retry': 'false',
        });
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
      return {
        status: 400,
        body: {
          error: {
            type: 'invalid_request_error',
            code: 'idempotency_key_required',
            message: 'Transfers need an Idempotency-Key',
          },
        },
      };
    }
    const replay = typeof key === 'string' ? this.byIdempotencyKey.get(`${request.path}:${key}`) : undefined;
    if (replay && replay.rawBody !== request.rawBody) {
      return {
        status: 400,
        body: {
          error: {
            type: 'idempotency_error',
            message:
              'Keys for idempotent requests can only be used with the same parameters they were first used with.',
          },
        },
      };
    }
    if (replay) return { status: replay.status, body: replay.body };
    const failure = this.failures.shift();
    const answer = failure ? { status: failure.status, body: { error: failure.error } } : this.respond(request);
    if (typeof key === 'string' && answer.status < 500)
      this.byIdempotencyKey.set(`${request.path}:${key}`, { ...answer, rawBody: request.rawBody });
    return answer;
  }

  private respond({ method, path, form }: RecordedStripeRequest): { status: number; body: unknown } {
    const created = Math.floor(Date.now() / 1000);
    if (method === 'POST' && path === '/v1/payment_intents') {
      const id = `pi_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
      const intent: FakeIntent = {
        id,
        amount: Number(form['amount']),
        currency: form['currency'] ?? '',
        status: 'requires_payment_method',
        metadata: form['metadata[orderId]'] ? { orderId: form['metadata[orderId]'] } : {},
        transfer_group: form['transfer_group'] ?? null,
        created,
        chargeId: `ch_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
        amountRefunded: 0,
      };
      this.intents.set(id, intent);
      return {
        status: 200,
        body: { ...this.intentBody(intent, false), client_secret: `${id}_secret_${randomUUID().slice(0, 8)}` },
      };
    }
    if (method === 'GET' && path === '/v1/payment_intents') {
      return { status: 200, body: this.listIntents(form) };
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const intent = this.intents.get(form['payment_intent'] ?? '');
      if (intent && this.refundStatus === 'succeeded') intent.amountRefunded += Number(form['amount']);
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
    return {
      status: 404,
      body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` } },
    };
  }

  /** Stripe's list semantics: newest first, `created[gte|gt|lt|lte]` filters, `starting_after` cursor, `has_more`. */
  private listIntents(form: Record<string, string>): unknown {
    const bound = (op: string) => (form[`created[${op}]`] === undefined ? undefined : Number(form[`created[${op}]`]));
    const [gte, gt, lt, lte] = ['gte', 'gt', 'lt', 'lte'].map(bound);
    const all = [...this.intents.values()]
      .filter(
        (i) =>
          (gte === undefined || i.created >= gte) &&
          (gt === undefined || i.created > gt) &&
          (lt === undefined || i.created < lt) &&
          (lte === undefined || i.created <= lte),
      )
      .reverse()
      .sort((a, b) => b.created - a.created);
    const after = form['starting_after'];
    const from = after ? all.findIndex((i) => i.id === after) + 1 : 0;
    const size = Math.min(Number(form['limit'] ?? 10), this.listPageCap);
    const page = all.slice(from, from + size);
    const expandCharge = Object.entries(form).some(([k, v]) => k.startsWith('expand') && v === 'data.latest_charge');
    return {
      object: 'list',
      url: '/v1/payment_intents',
      has_more: from + size < all.length,
      data: page.map((i) => this.intentBody(i, expandCharge)),
    };
  }

  private intentBody(i: FakeIntent, expandCharge: boolean): Record<string, unknown> {
    const paid = i.status === 'succeeded';
    const charge = {
      id: i.chargeId,
      object: 'charge',
      amount: i.amount,
      amount_refunded: i.amountRefunded,
      currency: i.currency,
      payment_intent: i.id,
      refunded: i.amountRefunded === i.amount,
    };
    return {
      id: i.id,
      object: 'payment_intent',
      amount: i.amount,
      amount_received: paid ? i.amount : 0,
      currency: i.currency,
      status: i.status,
      metadata: i.metadata,
      transfer_group: i.transfer_group,
      created: i.created,
      latest_charge: paid ? (expandCharge ? charge : i.chargeId) : null,
      livemode: false,
    };
  }
}
