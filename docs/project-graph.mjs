// Renders docs/project-graph.svg from Nx's project graph (`npm run docs:graph`; needs Graphviz's `dot`).
// Contexts and the edges between them are drawn as the imports are today; the shared libraries, which every
// context may use, are drawn once, apart, so the contexts' edges stay readable.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const nx = createRequire(import.meta.url).resolve('nx/bin/nx');
const dir = mkdtempSync(join(tmpdir(), 'project-graph-'));
let graph;
try {
  execFileSync(process.execPath, [nx, 'graph', `--file=${join(dir, 'graph.json')}`], { cwd: root, stdio: 'ignore' });
  ({ graph } = JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8')));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const tag = (name, prefix) => graph.nodes[name].data.tags?.find((t) => t.startsWith(prefix))?.slice(prefix.length);
const names = Object.keys(graph.nodes).sort();
const contexts = names.filter((n) => tag(n, 'type:') === 'domain');
const shared = names.filter((n) => tag(n, 'scope:') === 'shared' && tag(n, 'type:') !== 'migrations');
const apps = names.filter((n) => !contexts.includes(n) && !shared.includes(n));

const edges = contexts.flatMap((from) =>
  [...new Set(graph.dependencies[from].map((d) => d.target))]
    .filter((to) => contexts.includes(to))
    .sort()
    .map((to) => `  "${from}" -> "${to}";`),
);

const dot = `digraph contexts {
  rankdir=BT;
  graph [fontname="Helvetica", fontsize=11, nodesep=0.5, ranksep=0.6];
  node [fontname="Helvetica", fontsize=12, shape=box, style="rounded,filled", fillcolor="#eef4fb", color="#4a6fa5"];
  edge [color="#4a6fa5", arrowsize=0.7];
${contexts.map((n) => `  "${n}";`).join('\n')}
${edges.join('\n')}
  subgraph cluster_shared {
    label="shared: any context may use these"; style="dashed"; color="#888888"; fontcolor="#555555";
    node [fillcolor="#f3f3f3", color="#888888"];
${shared.map((n) => `    "${n}";`).join('\n')}
  }
  subgraph cluster_apps {
    label="apps wire every context and run the migrations; web only calls the API over HTTP"; style="dashed"; color="#888888"; fontcolor="#555555";
    node [fillcolor="#fff6e5", color="#b07d2b"];
${apps.map((n) => `    "${n}";`).join('\n')}
  }
}
`;
const svg = execFileSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8' });
writeFileSync(join(root, 'docs/project-graph.svg'), svg);
process.stdout.write(`docs/project-graph.svg: ${contexts.length} contexts, ${edges.length} edges between them\n`);
