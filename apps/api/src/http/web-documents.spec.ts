import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { graphqlLimits } from './graphql-limits';

const ROOT = join(__dirname, '../../../..');

/** Every operation the web app sends, as codegen wrote it into apps/web/src/gql/graphql.ts. */
function webDocuments(): { name: string; text: string }[] {
  const source = readFileSync(join(ROOT, 'apps/web/src/gql/graphql.ts'), 'utf8');
  return [...source.matchAll(/export const (\w+)Document = new TypedDocumentString\(`([\s\S]*?)`\)/g)].map((m) => ({
    name: m[1]!,
    text: m[2]!,
  }));
}

/**
 * The API refuses a document over its depth or cost limit before any resolver runs, so a web page whose query grew
 * past them would fail in the browser only. Each of the web app's documents is held to the API's own rules here.
 */
describe('the web app’s documents stay within the API’s limits', () => {
  const schema = buildSchema(readFileSync(join(ROOT, 'apps/api/schema.gql'), 'utf8'));
  const { validationRules } = graphqlLimits(false);
  const documents = webDocuments();

  it('finds the documents', () => {
    expect(documents.length).toBeGreaterThan(20);
  });

  it.each(documents.map((d) => [d.name, d.text]))('%s validates within depth and cost', (_name, text) => {
    let messages: string[];
    try {
      messages = validate(schema, parse(text), validationRules).map((e) => e.message);
    } catch (error) {
      messages = [(error as Error).message];
    }
    expect(messages).toEqual([]);
  });
});
