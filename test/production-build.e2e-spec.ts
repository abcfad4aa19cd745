import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureDatabase } from '@chedun/db';
import { Client } from 'pg';
import { DEMO_LOGINS } from '../apps/api/src/demo/demo-seeder';
import { productionNodeFlags } from '../bench/api-process';
import { ApiProcess, startApiProcess } from './support/api-process';
import { FakeStripe } from './support/fake-stripe';

const REPO_ROOT = resolve(__dirname, '..');

/**
 * `npm run build` then `npm run start:prod`, as a deployment runs them: the API bundle (apps/api/build.mjs, about
 * 2 s) built afresh from the current sources into tmp/, its migration CLI run on an empty database (the Kubernetes
 * migration Job), and its server started with NODE_ENV=production and production's required settings (Stripe
 * pointed at the test fake), seeding the demo data, then asked what a visitor's journey asks first.
 */
describe('production build and start', () => {
  const outDir = join(REPO_ROOT, 'tmp', `production-build-test-${process.pid}`);
  const webDir = join(outDir, 'web');
  const adminUrl = `${process.env['CHEDUN_TEST_PG_BASE']}/postgres`;
  const dbName = `prod_${randomUUID().replace(/-/g, '')}`;
  const databaseUrl = `${process.env['CHEDUN_TEST_PG_BASE']}/${dbName}`;
  let stripe: FakeStripe;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    execFileSync(process.execPath, ['apps/api/build.mjs', '--out-dir', outDir], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    // A stand-in for the Vite build (npm test builds the real one separately): shows the bundle serves WEB_DIR at /.
    mkdirSync(webDir, { recursive: true });
    writeFileSync(
      join(webDir, 'index.html'),
      '<!doctype html><title>Chedun</title><meta name="generator" content="chedun-production-build-test" /><body><div id="root"></div></body>',
    );
    await ensureDatabase(adminUrl, dbName);
    stripe = await FakeStripe.start();
  });

  afterAll(async () => {
    await api?.stop();
    await stripe?.close();
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('bundles the server and the migration CLI into plain JavaScript that needs no TypeScript loader', () => {
    // main.js is the entry (it turns the compile cache on, then starts server.js, where our code is).
    const main = readFileSync(join(outDir, 'main.js'), 'utf8');
    expect(main).toContain('require("./server.js")');
    const server = readFileSync(join(outDir, 'server.js'), 'utf8');
    expect(server).not.toMatch(/@swc-node\/register|require\("@chedun\//);
    // Decorator metadata survived the build: NestJS injects constructor parameters by these types.
    expect(server).toContain('design:paramtypes');
    // Apollo hashes every request's query with Node's crypto, not with sha.js's JavaScript SHA-256 (its fallback where
    // `module.require` is missing, as in a bundle): the build replaces @apollo/utils.createhash.
    const apollo = readdirSync(outDir).filter((f) => /^vendor-apollo-server-[\w-]{8}\.js$/.test(f));
    expect(apollo).toHaveLength(1);
    const apolloChunk = readFileSync(join(outDir, apollo[0] as string), 'utf8');
    expect(apolloChunk).toContain('createHash');
    expect(apolloChunk).not.toContain('Sha256');
  });

  it('migrates an empty database from the bundle (the migration Job), and a second run finds nothing to do', () => {
    const run = () =>
      execFileSync(process.execPath, [join(outDir, 'migrate.js')], {
        cwd: REPO_ROOT,
        env: { PATH: process.env['PATH'], DATABASE_URL: databaseUrl },
        encoding: 'utf8',
      });
    expect(run()).toMatch(/^Applied: /);
    expect(run()).toBe('Schema is up to date\n');
  });

  it('starts with NODE_ENV=production and serves health, the demo catalog through search and product detail, log-in and the web app', async () => {
    api = await startApiProcess({
      name: 'production-bundle',
      databaseUrl,
      nodeArgs: [...productionNodeFlags(), join(outDir, 'main.js')],
      timeoutMs: 120_000,
      env: {
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(32).toString('hex'),
        STRIPE_SECRET_KEY: 'sk_test_production_build',
        STRIPE_WEBHOOK_SECRET: 'whsec_production_build',
        STRIPE_PUBLISHABLE_KEY: 'pk_test_production_build',
        ...stripe.env(),
        DEMO_SEED: 'true',
        WEB_DIR: webDir,
      },
    });

    const health = await fetch(`${api.baseUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: { status: 'up' } });

    const search = await api.gql<{ searchProducts: { totalCount: number; edges: { node: { id: string } }[] } }>(
      '{ searchProducts(text: "宝莲灯", first: 5) { totalCount edges { node { id } } } }',
    );
    expect(search.errors).toBeUndefined();
    expect(search.data!.searchProducts.totalCount).toBeGreaterThan(0);
    const id = search.data!.searchProducts.edges[0]!.node.id;
    const detail = await api.gql<{
      product: { id: string; name: string; filmIp: { title: string }; priceFrom: { amountMinor: number } };
    }>('query($id: ID!) { product(id: $id) { id name filmIp { title } priceFrom { amountMinor } } }', { id });
    expect(detail.errors).toBeUndefined();
    // amountMinor is a SafeInt, the one file of graphql-scalars the build inlines (apps/api/build.mjs).
    expect(detail.data!.product).toMatchObject({
      id,
      name: expect.any(String),
      filmIp: { title: expect.any(String) },
      priceFrom: { amountMinor: expect.any(Number) },
    });

    const settings = await api.gql<{ paymentSettings: { provider: string } }>('{ paymentSettings { provider } }');
    expect(settings.data!.paymentSettings.provider).toBe('stripe');
    const logIn = await api.gql<{ logIn: { accessToken: string } }>(
      `mutation { logIn(input: { email: "visitor@chedun.test", password: "${DEMO_LOGINS.password}" }) { accessToken } }`,
    );
    expect(logIn.errors).toBeUndefined();
    expect(logIn.data!.logIn.accessToken).toEqual(expect.any(String));

    const page = await fetch(`${api.baseUrl}/search`, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('chedun-production-build-test');
    // Production shape: no GraphiQL, and no stack traces or development tooling in the log.
    expect((await fetch(`${api.baseUrl}/graphiql`, { headers: { accept: 'text/html' } })).status).toBe(404);
    expect(api.logs()).not.toMatch(/\n\s+at /);
  });

  it('starts and answers without loading the packages only some requests need (#18)', async () => {
    await api?.stop();
    const loadedFile = join(outDir, 'loaded-modules.json');
    const lazy = await startApiProcess({
      name: 'production-bundle-lazy',
      databaseUrl,
      nodeArgs: [
        ...productionNodeFlags(),
        '-r',
        join(REPO_ROOT, 'test/support/record-loaded-modules.js'),
        join(outDir, 'main.js'),
      ],
      timeoutMs: 120_000,
      env: {
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(32).toString('hex'),
        STRIPE_SECRET_KEY: 'sk_test_production_build',
        STRIPE_WEBHOOK_SECRET: 'whsec_production_build',
        ...stripe.env(),
        WEB_DIR: webDir,
        LOADED_MODULES_FILE: loadedFile,
        NODE_DEBUG_NATIVE: 'COMPILE_CACHE',
      },
    });
    const loadedAtStart = async (): Promise<string[]> => {
      await lazy.stop();
      return JSON.parse(readFileSync(loadedFile, 'utf8')) as string[];
    };
    const search = await lazy.gql('{ searchProducts(text: "宝莲灯", first: 5) { totalCount } }');
    expect(search.errors).toBeUndefined();
    // Once the started process has gone quiet, one collection gives back what the start left in V8's heap
    // (compact-after-start.ts): the production flags expose `gc` to it.
    const deadline = Date.now() + 30_000;
    while (!/Heap compacted after start/.test(lazy.logs()) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    const compacted = /Heap compacted after start in \d+ ms: RSS (\d+) MB, now (\d+) MB/.exec(lazy.logs());
    expect(compacted).not.toBeNull();
    expect(Number(compacted![2])).toBeLessThan(Number(compacted![1]));

    // The chunks load compiled: V8 accepted the code cache the build made for each (under the production flags).
    const accepted = lazy.logs().match(/V8 code cache for CommonJS \S+\/vendor-\S+\.js was accepted/g) ?? [];
    expect(accepted.length).toBeGreaterThan(10);
    expect(lazy.logs()).not.toMatch(/V8 code cache for CommonJS .* was rejected/);

    const files = await loadedAtStart();
    const fromNodeModules = files.filter((file) => file.includes('/node_modules/'));
    const packages = new Set(
      fromNodeModules.flatMap((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1] ?? []),
    );
    // Each costs start time and memory held for the process's life: PDFs, the payment SDK, images, spreadsheets,
    // mail, S3, and Apollo's federation tracing (its protobuf encoder). The build leaves them outside the bundle, so
    // what Node loaded says whether the start needed them.
    for (const name of ['pdfkit', 'stripe', 'sharp', 'exceljs', 'nodemailer', '@aws-sdk/client-s3', 'graphql-scalars'])
      expect([name, packages.has(name)]).toEqual([name, false]);
    expect(packages.has('@apollo/usage-reporting-protobuf')).toBe(false);
    // The rest is bundled (#18: finding and reading 2,600 files was a third of the start): Nest, Apollo, GraphQL,
    // TypeORM and pg come from the bundle's chunks, and node_modules gives only the native password hasher.
    for (const name of ['@nestjs/core', '@apollo/server', 'graphql', 'typeorm', 'pg'])
      expect([name, packages.has(name)]).toEqual([name, false]);
    expect(packages.has('@node-rs/argon2')).toBe(true);
    expect(fromNodeModules.length).toBeLessThan(10);
    expect(files.filter((file) => file.startsWith(outDir) && /vendor-.*\.js$/.test(file)).length).toBeGreaterThan(10);
  });
});
