// Production build of the API: every TypeScript file of the app, its libraries and migrations compiled by SWC
// (decorators and their design-time metadata, which NestJS and TypeORM read, exactly as `npm start` and Jest
// compile them) and bundled by Rolldown into one CommonJS file per entry: `main.js` (the server) and
// `migrate.js` (the migration CLI, what the Kubernetes migration Job runs). Packages from node_modules stay
// outside the bundle: several load native addons (argon2, sharp, pg-native probes), optional peers (NestJS
// microservices, TypeORM drivers) or their own files at run time (pdfkit's fonts, GraphiQL's assets), and the
// image installs them with `npm ci --omit=dev`.
//
//   node apps/api/build.mjs [--out-dir dist/api]
import { readFileSync, rmSync } from 'node:fs';
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

/** Bare specifiers that are not our aliases are packages: required from node_modules at run time. */
function isPackage(id) {
  return (
    !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !aliases.has(id) && !INLINED_PACKAGES.has(id)
  );
}

const started = Date.now();
rmSync(outDir, { recursive: true, force: true });
const bundle = await rolldown({
  cwd: ROOT,
  input: { main: join(ROOT, 'apps/api/src/main.ts'), migrate: join(ROOT, 'apps/api/src/cli/migrate.ts') },
  platform: 'node',
  external: isPackage,
  plugins: [swcPlugin],
  logLevel: 'warn',
});
await bundle.write({
  dir: outDir,
  format: 'cjs',
  sourcemap: true,
  // GraphQL type names, Nest's provider tokens and error messages read class and function names at run time.
  keepNames: true,
  // Chinese text (messages, emails, PDF labels) escaped as \uXXXX, and no doc comments (they hold arrows and
  // symbols, and the source map points at the sources that have them): V8 keeps every script's source for the
  // process's life, and one character outside Latin-1 makes it store the whole bundle two bytes per character (#18).
  charset: 'ascii',
  comments: { legal: true, annotation: true, jsdoc: false },
  entryFileNames: '[name].js',
  chunkFileNames: '[name]-[hash].js',
});
await bundle.close();
process.stdout.write(`API bundle in ${values['out-dir']} (${Date.now() - started} ms)\n`);
