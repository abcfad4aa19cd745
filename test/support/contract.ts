import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentNode, Kind, OperationDefinitionNode, parse, print } from 'graphql';

/** The product side's contract files: the buying journey, then commerce (delivery, after-sales, media, reviews) and licensing. */
export const CONTRACT_FILES = ['journey.graphql', 'commerce.graphql', 'licensing.graphql'] as const;
export type ContractFile = (typeof CONTRACT_FILES)[number];

const SHARED = join(__dirname, '../../../shared/contract');
const VENDORED = join(__dirname, '../contract');

/**
 * One contract file. Read from ../shared when the checkout sits beside it (as in CI), and kept as a vendored copy
 * so a clone elsewhere still tests; the contract suite fails when the two drift apart.
 */
export function contractSource(file: ContractFile = 'journey.graphql'): {
  text: string;
  vendored: string;
  sharedPath: string | null;
} {
  const vendored = readFileSync(join(VENDORED, file), 'utf8');
  const shared = join(SHARED, file);
  return existsSync(shared)
    ? { text: readFileSync(shared, 'utf8'), vendored, sharedPath: shared }
    : { text: vendored, vendored, sharedPath: null };
}

/** The named operations of the given contract files (all of them by default), each as its own document. */
export function contractOperations(files: readonly ContractFile[] = CONTRACT_FILES): Map<string, DocumentNode> {
  const ops = new Map<string, DocumentNode>();
  for (const file of files) {
    for (const def of parse(contractSource(file).text).definitions) {
      if (def.kind !== Kind.OPERATION_DEFINITION || !def.name) continue;
      if (ops.has(def.name.value)) throw new Error(`The contract names ${def.name.value} twice (again in ${file})`);
      ops.set(def.name.value, { kind: Kind.DOCUMENT, definitions: [def as OperationDefinitionNode] });
    }
  }
  return ops;
}

/** The contract's document for one operation, as text to send. */
export function contractOperation(name: string): string {
  const doc = contractOperations().get(name);
  if (!doc) throw new Error(`The contract has no operation ${name}`);
  return print(doc);
}
