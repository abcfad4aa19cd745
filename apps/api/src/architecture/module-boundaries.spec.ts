import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

interface Probe {
  /** Where the probe file would live (it is never written). */
  path: string;
  source: string;
}

interface LintMessage {
  ruleId: string | null;
  messageId?: string;
  message: string;
}

/**
 * Lints each probe with the repository's ESLint config and returns its @nx/enforce-module-boundaries messages, plus
 * the source tags the rule constrains. ESLint loads its config with a dynamic import, which Jest's module sandbox
 * cannot do, so it runs in a child Node.
 */
function lintProbes(probes: Probe[]): { messages: LintMessage[][]; sourceTags: string[] } {
  const script = `
    import { readFileSync } from 'node:fs';
    import { ESLint } from 'eslint';
    const RULE = '@nx/enforce-module-boundaries';
    const probes = JSON.parse(readFileSync(0, 'utf8'));
    const eslint = new ESLint();
    const messages = [];
    for (const probe of probes) {
      const [result] = await eslint.lintText(probe.source, { filePath: probe.path });
      messages.push(result.messages.filter((m) => m.ruleId === RULE));
    }
    const config = await eslint.calculateConfigForFile('libs/kernel/src/index.ts');
    const sourceTags = config.rules[RULE][1].depConstraints.map((c) => c.sourceTag);
    process.stdout.write(JSON.stringify({ messages, sourceTags }));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, input: JSON.stringify(probes), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`ESLint failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { messages: LintMessage[][]; sourceTags: string[] };
}

const importing = (specifier: string, name: string) => `import { ${name} } from '${specifier}';\nexport const probe = ${name};\n`;

const PROBES = {
  allowed: { path: 'libs/search/src/boundary-probe.ts', source: importing('@chedun/catalog', 'CatalogModule') },
  forbiddenContext: { path: 'libs/search/src/boundary-probe.ts', source: importing('@chedun/orders', 'OrdersModule') },
  forbiddenUpward: { path: 'libs/identity/src/boundary-probe.ts', source: importing('@chedun/ledger', 'LedgerModule') },
  internals: { path: 'libs/ledger/src/boundary-probe.ts', source: importing('../../orders/src/order-status', 'OrderStatus') },
  sharedToContext: { path: 'libs/db/src/boundary-probe.ts', source: importing('@chedun/identity', 'Actor') },
} satisfies Record<string, Probe>;

describe('context boundaries (eslint.config.mjs depConstraints)', () => {
  let found: Record<keyof typeof PROBES, LintMessage[]>;
  let sourceTags: string[];

  beforeAll(() => {
    // The rule reads Nx's cached project graph and skips itself when there is none: build it first.
    execFileSync(process.execPath, [require.resolve('nx/bin/nx'), 'show', 'projects'], { cwd: ROOT, stdio: 'ignore' });
    const names = Object.keys(PROBES) as (keyof typeof PROBES)[];
    const linted = lintProbes(names.map((name) => PROBES[name]));
    found = Object.fromEntries(names.map((name, i) => [name, linted.messages[i] ?? []])) as typeof found;
    sourceTags = linted.sourceTags;
  }, 60_000);

  it('lets a context import a context it may use (search uses catalog)', () => {
    expect(found.allowed).toEqual([]);
  });

  it('fails a context importing a context it may not use (search importing orders)', () => {
    expect(found.forbiddenContext).toEqual([
      expect.objectContaining({ messageId: 'onlyTagsConstraintViolation', message: expect.stringContaining('"scope:search" can only depend on') }),
    ]);
  });

  it('fails a context importing one that depends on it (identity importing ledger)', () => {
    expect(found.forbiddenUpward).not.toEqual([]);
  });

  it('fails a context reaching into another context\u2019s files instead of its index.ts', () => {
    expect(found.internals).toEqual([expect.objectContaining({ messageId: 'noRelativeOrAbsoluteImportsAcrossLibraries' })]);
  });

  it('fails a shared library importing a context', () => {
    expect(found.sharedToContext).toEqual([expect.objectContaining({ messageId: 'onlyTagsConstraintViolation' })]);
  });

  it('constrains every library\u2019s scope, so a new library cannot import freely', () => {
    const libs = readdirSync(join(ROOT, 'libs'));
    const scopes = libs.map((lib) => {
      const { tags } = JSON.parse(readFileSync(join(ROOT, 'libs', lib, 'project.json'), 'utf8')) as { tags?: string[] };
      return { lib, scopes: (tags ?? []).filter((t) => t.startsWith('scope:')) };
    });
    for (const { lib, scopes: tags } of scopes) {
      expect({ lib, tags }).toEqual({ lib, tags: [expect.any(String)] });
      expect(sourceTags).toContain(tags[0]);
    }
  });
});
