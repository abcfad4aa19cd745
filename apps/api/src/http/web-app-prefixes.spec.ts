import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_PREFIXES } from './web-app';

const ROOT = join(__dirname, '..', '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Each `@Controller('path')` of the API, as the first segment of its routes. */
function controllerPaths(): { file: string; prefix: string }[] {
  return [join(ROOT, 'libs'), join(ROOT, 'apps', 'api', 'src')].flatMap(sources).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/@Controller\(\s*'([^']*)'/g)].map((m) => ({
      file,
      prefix: `/${(m[1] ?? '').split('/')[0]}`,
    })),
  );
}

describe('the web app leaves the API its paths', () => {
  it('finds the controllers (so the next check is not vacuous)', () => {
    expect(controllerPaths().map((c) => c.prefix)).toEqual(expect.arrayContaining(['/media', '/reports']));
  });

  it('lists every controller path in API_PREFIXES, so no download meets the web app’s 404 for files', () => {
    const missing = controllerPaths().filter((c) => !API_PREFIXES.includes(c.prefix));
    expect(missing).toEqual([]);
  });
});
