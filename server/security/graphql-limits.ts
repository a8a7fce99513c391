import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError, type ValidationRule } from "graphql";

/**
 * What one GraphQL request may ask of the server. Tuned so that every document the web client
 * sends passes with room to spare (test/security/graphql-limits.test.ts sends them all); the
 * largest are the case page and the nazorg map.
 */
export const graphqlLimits = {
  maxDepth: 10,
  // CellOfferings (100 offerings with their organisation) costs about 4 500.
  maxCost: 8000,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
} as const;

/**
 * Validation rules and plugins that refuse deep, costly, aliased or very long operations;
 * without schema discovery (production) also "Did you mean …?" suggestions, which would map
 * the schema for someone who may not introspect it.
 */
export function graphqlArmor(schemaDiscovery: boolean): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: {
      n: graphqlLimits.maxDepth,
      exposeLimits: false,
      errorMessage: `De vraag is te diep genest (hoogstens ${graphqlLimits.maxDepth} niveaus).`,
    },
    costLimit: {
      maxCost: graphqlLimits.maxCost,
      exposeLimits: false,
      errorMessage: "De vraag vraagt te veel gegevens tegelijk. Maak haar kleiner.",
    },
    maxAliases: {
      n: graphqlLimits.maxAliases,
      exposeLimits: false,
      errorMessage: `De vraag gebruikt te veel aliassen (hoogstens ${graphqlLimits.maxAliases}).`,
    },
    maxDirectives: {
      n: graphqlLimits.maxDirectives,
      exposeLimits: false,
      errorMessage: `De vraag gebruikt te veel directives (hoogstens ${graphqlLimits.maxDirectives}).`,
    },
    // graphql-js counts tokens itself (parseOptions below) and fails as a parse error, a 400;
    // armor's plugin throws outside the pipeline, which Apollo answers with a 500.
    maxTokens: { enabled: false },
    // Armor's mask leaves a stray "?"; dutchLimitMessages below drops the whole sentence.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    plugins: [...(plugins as ApolloServerPlugin[]), limitMessages(schemaDiscovery)],
    validationRules: [...(validationRules as ValidationRule[]), noSubscriptions],
    parseOptions: { maxTokens: graphqlLimits.maxTokens },
  };
}

/**
 * Armor calls its refusals syntax errors and graphql-js's token limit speaks English; without
 * schema discovery "Did you mean …?" goes, as it would map the schema field by field.
 */
const limitMessages = (schemaDiscovery: boolean): ApolloServerPlugin => ({
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) {
          if (!schemaDiscovery) error.message = error.message.replace(/ Did you mean .*$/s, "");
          if (/^Syntax Error: Document contains more th\w+ \d+ tokens/.test(error.message)) {
            error.message = `De vraag is te lang (hoogstens ${graphqlLimits.maxTokens} tokens).`;
          } else if (error.message.startsWith("Syntax Error: De vraag")) {
            error.message = error.message.slice("Syntax Error: ".length);
          }
        }
      },
    };
  },
});

/**
 * The schema has no subscriptions; graphql-js 16 only notices at execution, with an error
 * without a code that would be masked as our fault.
 */
const noSubscriptions: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === "subscription") {
      context.reportError(
        new GraphQLError("Abonnementen (subscriptions) kent deze API niet.", { nodes: [node] }),
      );
    }
  },
});
