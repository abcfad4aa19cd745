// Validates Kubernetes manifests offline against the API's OpenAPI schemas, as compiled into the
// `kubernetes-models` package (ajv validators generated from Kubernetes' own definitions), with no cluster.
//
//   node deploy/k8s/validate.mjs [file-or-dir ...]     (default: deploy/k8s)
//
// Every document must be a kind this file knows; unknown kinds fail rather than pass unchecked. The
// Kustomization is not an API object: its listed resources must exist. Exits 1 with one line per problem.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { parseAllDocuments } from 'yaml';

const MODELS = new Map(
  [ConfigMap, Secret, Service, Deployment, Job, HorizontalPodAutoscaler].map((Model) => [
    `${Model.apiVersion}/${Model.kind}`,
    Model,
  ]),
);

const here = dirname(fileURLToPath(import.meta.url));
const targets = process.argv.slice(2).length ? process.argv.slice(2).map((p) => resolve(p)) : [here];
const files = targets.flatMap((t) =>
  statSync(t).isDirectory()
    ? readdirSync(t)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => join(t, f))
    : [t],
);

const problems = [];
const kinds = [];
for (const file of files) {
  const name = relative(process.cwd(), file);
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (doc.errors.length) {
      problems.push(`${name}: YAML: ${doc.errors.map((e) => e.message).join('; ')}`);
      continue;
    }
    const object = doc.toJS();
    if (object === null) continue;
    if (object.kind === 'Kustomization') {
      for (const resource of object.resources ?? []) {
        if (!existsSync(join(dirname(file), resource)))
          problems.push(`${name}: Kustomization lists missing ${resource}`);
      }
      continue;
    }
    const Model = MODELS.get(`${object.apiVersion}/${object.kind}`);
    if (!Model) {
      problems.push(`${name}: ${object.apiVersion}/${object.kind} is not a kind this validator knows`);
      continue;
    }
    try {
      new Model(object).validate();
      kinds.push(`${object.kind}/${object.metadata?.name}`);
    } catch (error) {
      problems.push(
        `${name}: ${object.kind}/${object.metadata?.name}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

if (problems.length) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`Valid: ${kinds.join(', ')}\n`);
