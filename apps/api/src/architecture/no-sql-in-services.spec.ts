import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

/**
 * Contexts whose tables are read and written only through their own `*.repository.ts` (DESIGN §1: the repository is
 * the only place with SQL; services hold the use cases and transactions). Every context in libs/ is listed; the shared
 * libraries (kernel, config, db) own no tables of a context and are exempt.
 */
const CONTEXTS_WITH_REPOSITORIES = [
  'catalog',
  'identity',
  'ip',
  'ledger',
  'licensing',
  'media',
  'orders',
  'payments',
  'sales-reports',
  'search',
];

/** What only a repository does: send SQL, build a query, or use TypeORM's EntityManager and Repository API. */
const DATA_ACCESS: readonly { name: string; pattern: RegExp }[] = [
  { name: '.query(', pattern: /\.query\s*(?:<[^>]*>)?\s*\(/ },
  { name: 'createQueryBuilder(', pattern: /\bcreateQueryBuilder\s*\(/ },
  { name: 'getRepository(', pattern: /\bgetRepository\s*\(/ },
  { name: '@InjectRepository(', pattern: /@InjectRepository\s*\(/ },
  { name: 'updateReturning(', pattern: /\bupdateReturning\s*(?:<[^>]*>)?\s*\(/ },
  { name: 'keysetPage(', pattern: /\bkeysetPage\s*\(/ },
  {
    name: 'manager.<find|save|insert|update|delete|count|...>(',
    // Not `repository.forManager(manager).save(...)`: that is a repository's method on the caller's transaction.
    // A transaction's manager is often `m` (`dataSource.transaction(async (m) => ...)`).
    pattern:
      /(?<!forManager\()\b(?:manager|m)\s*\)?\s*\.\s*(?:find\w*|save|insert|update|upsert|delete|remove|softDelete|restore|count\w*|exists\w*|increment|decrement|create|merge|preload|sum|average|minimum|maximum)\s*\(/,
  },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

function dataAccessIn(source: string): string[] {
  return DATA_ACCESS.filter(({ pattern }) => pattern.test(source)).map(({ name }) => name);
}

const SHARED_LIBRARIES = ['config', 'db', 'kernel'];

describe('SQL only in repositories', () => {
  it('covers every context in libs/, so a new context starts with repositories', () => {
    const contexts = readdirSync(join(ROOT, 'libs'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !SHARED_LIBRARIES.includes(entry.name))
      .map((entry) => entry.name)
      .sort();
    expect([...CONTEXTS_WITH_REPOSITORIES].sort()).toEqual(contexts);
  });

  it.each(CONTEXTS_WITH_REPOSITORIES)(
    '%s: services, readers, jobs and gateways reach their tables through repositories only',
    (context) => {
      const files = sourceFiles(join(ROOT, 'libs', context, 'src'));
      const outside = files
        .filter((file) => !file.endsWith('.repository.ts'))
        .flatMap((file) =>
          dataAccessIn(readFileSync(file, 'utf8')).map((found) => `${file.slice(ROOT.length + 1)} uses ${found}`),
        );
      expect(outside).toEqual([]);
      // The context has repositories, and they are where its SQL went: the check above cannot pass by scanning nothing.
      const repositories = files.filter((file) => file.endsWith('.repository.ts'));
      expect(repositories.length).toBeGreaterThan(0);
      expect(repositories.some((file) => dataAccessIn(readFileSync(file, 'utf8')).length > 0)).toBe(true);
    },
  );

  it.each([
    ['raw SQL on a transaction', `const rows = await manager.query('SELECT 1', []);`, '.query('],
    [
      'typed raw SQL on the data source',
      `const [row] = await this.dataSource.query<{ n: string }[]>('SELECT 1');`,
      '.query(',
    ],
    ['a query builder', `this.dataSource.getRepository(ProductEntity).createQueryBuilder('p')`, 'createQueryBuilder('],
    ['a TypeORM repository', `await this.dataSource.getRepository(VenueEntity).findOneBy({ id });`, 'getRepository('],
    ['an entity manager write', `await manager.save(product);`, 'manager.<find|save|insert|update|delete|count|...>('],
    [
      'a transaction manager named m',
      `const live = await m.findOneBy(PayoutEntity, { organizationId });`,
      'manager.<find|save|insert|update|delete|count|...>(',
    ],
    [
      'an optional manager read',
      `await (manager ?? this.dataSource.manager).findOneBy(LicenseEntity, { id });`,
      'manager.<find|save|insert|update|delete|count|...>(',
    ],
    [
      'an UPDATE ... RETURNING',
      `await updateReturning<{ id: string }>(manager, 'UPDATE t SET a = 1 RETURNING id', []);`,
      'updateReturning(',
    ],
  ])('recognises %s', (_name, source, expected) => {
    expect(dataAccessIn(source)).toContain(expected);
  });

  it('leaves a service that calls repositories and opens transactions alone', () => {
    const service = `
      return this.dataSource.transaction(async (manager) => {
        const products = this.products.forManager(manager);
        const product = await products.lockById(productId);
        await this.variants.forManager(manager).save(variant);
        await this.events.productsChanged(manager, [product.id], 'ProductUpdated');
      });`;
    expect(dataAccessIn(service)).toEqual([]);
  });
});
