import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/**
 * Lints source text as if it were a file of the repository, with the repository's ESLint config. ESLint loads its
 * config with a dynamic import, which Jest's module sandbox cannot do, so it runs in a child Node.
 */
function lint(path: string, source: string): LintMessage[] {
  const script = `
    import { readFileSync } from 'node:fs';
    import { ESLint } from 'eslint';
    const { path, source } = JSON.parse(readFileSync(0, 'utf8'));
    const [result] = await new ESLint().lintText(source, { filePath: path });
    process.stdout.write(JSON.stringify(result.messages));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    input: JSON.stringify({ path, source }),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`ESLint failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as LintMessage[];
}

const FORMATTED = `export function shareOf(grossMinor: number, bps: number): number {\n  return Math.floor((grossMinor * bps) / 10_000);\n}\n`;
const UNFORMATTED = `export function shareOf( grossMinor:number,bps:number ):number{ return Math.floor(grossMinor*bps/10_000) }\n`;

describe('formatting is part of lint (Prettier through ESLint)', () => {
  it('passes a file as Prettier writes it', () => {
    expect(lint('libs/kernel/src/format-probe.ts', FORMATTED)).toEqual([]);
  }, 60_000);

  it('fails an unformatted file, in a library and in the web app alike', () => {
    for (const path of ['libs/kernel/src/format-probe.ts', 'apps/web/src/format-probe.tsx']) {
      const messages = lint(path, UNFORMATTED);
      expect(messages).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'prettier/prettier' })]));
    }
  }, 60_000);
});
