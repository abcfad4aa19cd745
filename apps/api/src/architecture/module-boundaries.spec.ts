import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

interface Probe {
  /** Where the probe file would live (it is never written). */
  path: string;
  source: string;
  /**
   * A dependency the probe's import would close into a cycle, told to the rule as ignored: the rule reports a cycle
   * before it looks at tags, and every context depends on the shared libraries, so a shared library importing a
   * context always closes one. The tag constraint is what the probe is there to see.
   */
  closesCycle?: [string, string];
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
interface DepConstraint {
  sourceTag: string;
  onlyDependOnLibsWithTags: string[];
}

function lintProbes(probes: Probe[]): { messages: LintMessage[][]; constraints: DepConstraint[] } {
  const script = `
    import { readFileSync } from 'node:fs';
    import { ESLint } from 'eslint';
    const RULE = '@nx/enforce-module-boundaries';
    const probes = JSON.parse(readFileSync(0, 'utf8'));
    const eslint = new ESLint();
    const messages = [];
    for (const probe of probes) {
      let linter = eslint;
      if (probe.closesCycle) {
        const [, options] = (await eslint.calculateConfigForFile(probe.path)).rules[RULE];
        const rules = { [RULE]: ['error', { ...options, ignoredCircularDependencies: [probe.closesCycle] }] };
        linter = new ESLint({ overrideConfig: { rules } });
      }
      const [result] = await linter.lintText(probe.source, { filePath: probe.path });
      messages.push(result.messages.filter((m) => m.ruleId === RULE));
    }
    const config = await eslint.calculateConfigForFile('libs/kernel/src/index.ts');
    const constraints = config.rules[RULE][1].depConstraints;
    process.stdout.write(JSON.stringify({ messages, constraints }));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    input: JSON.stringify(probes),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`ESLint failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { messages: LintMessage[][]; constraints: DepConstraint[] };
}

const importing = (specifier: string, name: string) =>
  `import { ${name} } from '${specifier}';\nexport const probe = ${name};\n`;

const PROBES = {
  allowed: { path: 'libs/search/src/boundary-probe.ts', source: importing('@chedun/catalog', 'CatalogModule') },
  forbiddenContext: { path: 'libs/search/src/boundary-probe.ts', source: importing('@chedun/orders', 'OrdersModule') },
  forbiddenUpward: { path: 'libs/identity/src/boundary-probe.ts', source: importing('@chedun/ledger', 'LedgerModule') },
  internals: {
    path: 'libs/ledger/src/boundary-probe.ts',
    source: importing('../../orders/src/order-status', 'OrderStatus'),
  },
  sharedToContext: {
    path: 'libs/db/src/boundary-probe.ts',
    source: importing('@chedun/identity', 'Actor'),
    closesCycle: ['identity', 'db'],
  },
} satisfies Record<string, Probe>;

describe('context boundaries (eslint.config.mjs depConstraints)', () => {
  let found: Record<keyof typeof PROBES, LintMessage[]>;
  let constraints: DepConstraint[];

  beforeAll(() => {
    // The rule reads Nx's cached project graph and skips itself when there is none: build it first.
    execFileSync(process.execPath, [require.resolve('nx/bin/nx'), 'show', 'projects'], { cwd: ROOT, stdio: 'ignore' });
    const names = Object.keys(PROBES) as (keyof typeof PROBES)[];
    const linted = lintProbes(names.map((name) => PROBES[name]));
    found = Object.fromEntries(names.map((name, i) => [name, linted.messages[i] ?? []])) as typeof found;
    constraints = linted.constraints;
  }, 60_000);

  it('lets a context import a context it may use (search uses catalog)', () => {
    expect(found.allowed).toEqual([]);
  });

  it('fails a context importing a context it may not use (search importing orders)', () => {
    expect(found.forbiddenContext).toEqual([
      expect.objectContaining({
        messageId: 'onlyTagsConstraintViolation',
        message: expect.stringContaining('"scope:search" can only depend on'),
      }),
    ]);
  });

  it('fails a context importing one that depends on it (identity importing ledger)', () => {
    expect(found.forbiddenUpward).not.toEqual([]);
  });

  it('fails a context reaching into another context\u2019s files instead of its index.ts', () => {
    expect(found.internals).toEqual([
      expect.objectContaining({ messageId: 'noRelativeOrAbsoluteImportsAcrossLibraries' }),
    ]);
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
      expect(constraints.map((c) => c.sourceTag)).toContain(tags[0]);
    }
  });

  it.each(['README.md', 'docs/ARCHITECTURE.md'])('is listed in %s as the lint rule has it', (doc) => {
    const ruled = Object.fromEntries(
      constraints
        .filter(
          (c) =>
            c.sourceTag.startsWith('scope:') &&
            !['scope:shared', 'scope:api', 'scope:bench', 'scope:web'].includes(c.sourceTag),
        )
        .map((c) => [
          c.sourceTag.slice('scope:'.length),
          c.onlyDependOnLibsWithTags
            .filter((t) => t !== 'scope:shared')
            .map((t) => t.slice('scope:'.length))
            .sort(),
        ]),
    );
    // Rows like "| `orders` | identity, catalog, licensing, payments |".
    const rows = [...readFileSync(join(ROOT, doc), 'utf8').matchAll(/^\| `([a-z-]+)`\s*\| ([a-z, -]+?)\s*\|$/gm)];
    const listed = Object.fromEntries(rows.map((m) => [m[1]!, m[2] === 'none' ? [] : m[2]!.split(', ').sort()]));
    expect(listed).toEqual(ruled);
  });
});
