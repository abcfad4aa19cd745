import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

/**
 * Each table has one owning context, the only one whose SQL names it (DESIGN §1: no context reads another's tables;
 * it asks that context's exported reader). Lint sees imports, not SQL, so this spec checks the SQL.
 */
const TABLES: Record<string, readonly string[]> = {
  identity: [
    'users',
    'organizations',
    'memberships',
    'invitations',
    'refresh_tokens',
    'rate_limits',
    'known_login_addresses',
    'email_verifications',
    'organization_audit_entries',
  ],
  ip: ['film_ips', 'filming_locations', 'film_ip_filming_locations'],
  licensing: ['license_offers', 'license_applications', 'licenses', 'licensing_audit_entries', 'brand_assets'],
  media: ['media', 'organization_logos'],
  catalog: [
    'venues',
    'venue_photos',
    'products',
    'product_variants',
    'stock_movements',
    'ticket_types',
    'time_slots',
    'product_audit_entries',
    'product_media',
    'product_favourites',
    'product_design_rounds',
  ],
  search: ['search_documents', 'search_outbox', 'search_words'],
  payments: ['payments', 'refunds', 'payment_events'],
  orders: [
    'cart_lines',
    'orders',
    'order_lines',
    'tickets',
    'order_refunds',
    'order_refund_tasks',
    'notifications',
    'refund_requests',
    'product_reviews',
    'review_reports',
    'merchant_delivery_options',
    'address_book_entries',
    'order_deliveries',
    'order_merchant_deliveries',
    'shipments',
    'shipment_lines',
  ],
  ledger: [
    'ledger_accounts',
    'journal_entries',
    'ledger_postings',
    'merchant_fee_rates',
    'sale_shipping_fees',
    'sale_shipping_fee_refunds',
    'royalty_statements',
    'royalty_statement_lines',
    'royalty_statement_licenses',
    'sale_line_splits',
    'sale_line_refunds',
    'license_terms',
    'payouts',
    'reported_royalty_lines',
  ],
  'sales-reports': ['sales_reports', 'sales_report_lines', 'sales_report_reminders'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Tables named after FROM, JOIN, INTO, UPDATE or TABLE, in upper case as this codebase writes SQL. */
function tablesNamedIn(source: string): Set<string> {
  return new Set([...source.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+"?([a-z_][a-z0-9_]*)"?/g)].map((m) => m[1]!));
}

describe('table ownership', () => {
  it('gives every table the migrations create exactly one owning context', () => {
    const migrations = readdirSync(join(ROOT, 'migrations')).filter((f) => /^\d+-.+\.ts$/.test(f));
    const created = migrations.flatMap((f) =>
      [
        ...readFileSync(join(ROOT, 'migrations', f), 'utf8').matchAll(
          /CREATE (?:UNLOGGED )?TABLE (?:IF NOT EXISTS )?"?([a-z_][a-z0-9_]*)/g,
        ),
      ].map((m) => m[1]!),
    );
    const owned = Object.values(TABLES).flat();
    expect(new Set(owned).size).toBe(owned.length);
    expect([...new Set(created)].sort()).toEqual([...owned].sort());
  });

  it.each(Object.keys(TABLES))('%s names no other context\u2019s table in its SQL', (context) => {
    const foreign = new Map(
      Object.entries(TABLES).flatMap(([owner, tables]) =>
        owner === context ? [] : tables.map((t) => [t, owner] as const),
      ),
    );
    const crossings = sourceFiles(join(ROOT, 'libs', context, 'src')).flatMap((file) =>
      [...tablesNamedIn(readFileSync(file, 'utf8'))]
        .filter((t) => foreign.has(t))
        .map((t) => `${file.slice(ROOT.length + 1)} reads ${foreign.get(t)}'s ${t}`),
    );
    expect(crossings).toEqual([]);
  });
});
