import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentNode, Kind, OperationDefinitionNode, parse, print } from 'graphql';

const SHARED = join(__dirname, '../../../shared/contract/journey.graphql');
const VENDORED = join(__dirname, '../contract/journey.graphql');

/**
 * The product side's contract. Read from ../shared when the checkout sits beside it (as in CI), and kept
 * as a vendored copy so a clone elsewhere still tests; the contract suite fails when the two drift apart.
 */
export function contractSource(): { text: string; vendored: string; sharedPath: string | null } {
  const vendored = readFileSync(VENDORED, 'utf8');
  return existsSync(SHARED)
    ? { text: readFileSync(SHARED, 'utf8'), vendored, sharedPath: SHARED }
    : { text: vendored, vendored, sharedPath: null };
}

export function contractOperations(): Map<string, DocumentNode> {
  const doc = parse(contractSource().text);
  const ops = new Map<string, DocumentNode>();
  for (const def of doc.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION && def.name) {
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
