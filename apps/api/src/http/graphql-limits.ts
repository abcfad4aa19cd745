import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ParseOptions, ValidationRule } from 'graphql';

/** Limits every operation must stay within (DESIGN §3: query depth and cost are limited). */
export const GRAPHQL_LIMITS = {
  maxDepth: 10,
  maxCost: 5_000,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2_000,
} as const;

/**
 * Depth, cost, alias and directive limits from GraphQL Armor (a maintained library built for exactly this), applied
 * as validation rules so an abusive document is refused before any resolver runs; its errors are schema validation
 * failures, which the API reports as BAD_USER_INPUT with HTTP 400. The token limit is graphql-js's own parser
 * option: the parse fails like any syntax error (400). Armor's token plugin throws from a request hook instead,
 * which Apollo can only treat as a server fault (500). Field suggestions ("did you mean ...") are withheld in
 * production so the schema cannot be mapped through typos.
 */
export function graphqlLimits(isProduction: boolean): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
} {
  const armor = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, ignoreIntrospection: true },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: isProduction },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    plugins: plugins as ApolloServerPlugin[],
    validationRules: validationRules as ValidationRule[],
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
  };
}
