import { spawn } from 'node:child_process';
import { REPO_ROOT, cpuOf, outputTail, stopChild, waitForFirstAnswer } from '../api-process';
import { LoadResult, LoadShape, runHttpLoad } from '../load';
import { freePort } from '../postgres';

/** One variant of the floor app (bench/floor-app.ts): an adapter and the app's hot-path layers on top of it. */
export interface FloorVariant {
  name: string;
  adapter: 'express' | 'fastify';
  layers: string[];
}

export const FLOOR_VARIANTS: FloorVariant[] = [
  { name: 'express', adapter: 'express', layers: [] },
  { name: 'fastify', adapter: 'fastify', layers: [] },
  { name: 'express + armor', adapter: 'express', layers: ['armor'] },
  { name: 'express + metrics plugin', adapter: 'express', layers: ['metrics'] },
  { name: 'express + compression', adapter: 'express', layers: ['compression'] },
];

export interface FloorVariantResult extends LoadResult {
  name: string;
}

const FLOOR_BODY = JSON.stringify({ query: '{ __typename }' });

async function measureVariant(variant: FloorVariant, shape: LoadShape): Promise<FloorVariantResult> {
  const port = await freePort();
  // Compiled at run time like the bench itself: the floor app is a bench tool, not part of the production bundle.
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'bench/floor-app.ts', String(port)], {
    cwd: REPO_ROOT,
    env: { ...process.env, FLOOR_ADAPTER: variant.adapter, FLOOR_LAYERS: variant.layers.join(',') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => tail.push(chunk.toString('utf8')));
  child.stdout.resume();
  try {
    const url = `http://127.0.0.1:${port}/graphql`;
    await waitForFirstAnswer(child, url, FLOOR_BODY, process.hrtime.bigint()).catch((error: unknown) => {
      throw new Error(
        `floor app ${variant.name} did not start: ${String(error)} ${tail.join('')} ${outputTail(child)}`,
      );
    });
    const result = await runHttpLoad(
      url,
      shape,
      () => FLOOR_BODY,
      (text) => text.includes('"__typename":"Query"'),
      {},
      () => cpuOf(child.pid),
    );
    return { name: variant.name, ...result };
  } finally {
    await stopChild(child);
  }
}

/**
 * `{ __typename }` on the bare stack, Express against Fastify under the same Apollo and Nest, then Express with each of
 * the app's hot-path layers alone; one variant at a time in one run, so their ratios share the machine's state.
 */
export async function measureFloorAdapters(shape: LoadShape): Promise<FloorVariantResult[]> {
  const results: FloorVariantResult[] = [];
  for (const variant of FLOOR_VARIANTS) results.push(await measureVariant(variant, shape));
  return results;
}
