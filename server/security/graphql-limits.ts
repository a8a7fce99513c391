import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from "graphql";
import { getComplexity, type ComplexityEstimator } from "graphql-query-complexity";

/**
 * What one GraphQL request may ask of the server. Tuned so that every document the web client
 * sends passes with room to spare (test/security/graphql-limits.test.ts sends them all); the
 * largest are the case page and the nazorg map.
 */
export const graphqlLimits = {
  maxDepth: 10,
  // What an operation may cost (operationCost). The web client's costliest document, a page of
  // 100 offerings with their places and gemeenten, costs 20 501; its next, the nazorg map, 2 625.
  maxCost: 25_000,
  /** Items counted for a list of objects that has no page size. */
  assumedListSize: 20,
  /** The largest page (`first`) of the sociale kaart; a larger one is refused on its own. */
  largestPage: 100,
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
  /** For HTTP: the limits, and subscriptions refused (they go over the WebSocket). */
  validationRules: ValidationRule[];
  /** The limits alone, for the WebSocket (server/live/live.socket.ts). */
  limitRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: {
      n: graphqlLimits.maxDepth,
      exposeLimits: false,
      errorMessage: `De vraag is te diep genest (hoogstens ${graphqlLimits.maxDepth} niveaus).`,
    },
    // Armor's cost is per field and blind to how many items a list holds: see operationCost.
    costLimit: { enabled: false },
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
    plugins: [
      ...(plugins as ApolloServerPlugin[]),
      costLimit,
      limitMessages(schemaDiscovery),
      wellFormedVariables,
    ],
    validationRules: [...(validationRules as ValidationRule[]), noSubscriptions],
    limitRules: validationRules as ValidationRule[],
    parseOptions: { maxTokens: graphqlLimits.maxTokens },
  };
}

/**
 * Counts one for every field an operation asks, once for every item a list can hold: a page
 * counts `first` items, a list of objects without a page `assumedListSize`. A cost per field
 * alone let `organizations { offerings { organization { offerings { organization { … } } } } }`
 * through, which for one organisation of 37 offerings returned 37⁴ objects and took the server
 * gigabytes and seconds; counted per item it costs 20⁴ and more, and is refused before it runs.
 */
const countPerItem: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const item = getNamedType(field.type);
  // Leaves cost one; introspection is as large as the schema, however it is asked.
  if (!isCompositeType(item) || type.name.startsWith("__")) return 1 + childComplexity;
  const items =
    typeof args.first === "number"
      ? Math.max(0, Math.min(args.first, graphqlLimits.largestPage))
      : // The edges of a connection are its page, which its own field counted.
        isListType(getNullableType(field.type)) && !type.name.endsWith("Connection")
        ? graphqlLimits.assumedListSize
        : 1;
  return 1 + items * childComplexity;
};

/** What an operation costs (`countPerItem`), or undefined when its variables are not valid. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName?: string | null,
): number | undefined {
  try {
    return getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      ...(operationName ? { operationName } : {}),
      estimators: [countPerItem],
    });
  } catch {
    // Invalid variables: execution refuses the operation before any resolver runs.
    return undefined;
  }
}

/** The refusal of an operation that costs more than `maxCost`, if it does. */
export function costRefusal(...costOf: Parameters<typeof operationCost>): GraphQLError | undefined {
  const cost = operationCost(...costOf);
  if (cost === undefined || cost <= graphqlLimits.maxCost) return undefined;
  return new GraphQLError("De vraag vraagt te veel gegevens tegelijk. Maak haar kleiner.", {
    extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } },
  });
}

/** Refuses an HTTP operation that costs too much, once its variables are known. */
const costLimit: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, request, operationName }) {
        const refusal = costRefusal(schema, document, request.variables, operationName);
        if (refusal) throw refusal;
      },
    };
  },
};

/**
 * Armor calls its refusals syntax errors and graphql-js's token limit speaks English; without
 * schema discovery "Did you mean …?" goes, as it would map the schema field by field.
 */
const limitMessages = (schemaDiscovery: boolean): ApolloServerPlugin => ({
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) {
          // Only when it changes: graphql-jit's execution errors have a read-only message.
          const message = limitMessage(error.message, schemaDiscovery);
          if (message !== error.message) error.message = message;
        }
      },
    };
  },
});

/** The message of a refused operation as the caller should read it (see `limitMessages`). */
export function limitMessage(message: string, schemaDiscovery: boolean): string {
  const shown = schemaDiscovery ? message : message.replace(/ Did you mean .*$/s, "");
  if (/^Syntax Error: Document contains more th\w+ \d+ tokens/.test(shown)) {
    return `De vraag is te lang (hoogstens ${graphqlLimits.maxTokens} tokens).`;
  }
  return shown.startsWith("Syntax Error: De vraag") ? shown.slice("Syntax Error: ".length) : shown;
}

/**
 * Subscriptions run over the WebSocket only; over HTTP graphql-js 16 would only notice at
 * execution, with an error without a code that would be masked as our fault.
 */
const noSubscriptions: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === "subscription") {
      context.reportError(
        new GraphQLError(
          "Abonnementen (subscriptions) lopen via de WebSocket op /graphql, niet via HTTP.",
          { nodes: [node] },
        ),
      );
    }
  },
});

/**
 * The WebSocket carries subscriptions only: queries and mutations go over HTTP, with its
 * CSRF prevention, body limit and rate limit per request.
 */
export const onlySubscriptions: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== "subscription") {
      context.reportError(
        new GraphQLError(
          "Via de WebSocket lopen alleen abonnementen (subscriptions); stuur vragen en wijzigingen via HTTP.",
          { nodes: [node] },
        ),
      );
    }
  },
});

/**
 * Text in variables must be well-formed Unicode. A lone surrogate ("\ud800" in JSON) is no
 * character at all, and validators choke on it (validator.js's isEmail throws a URIError), so
 * it is refused before any resolver or validator sees it.
 */
const wellFormedVariables: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request }) {
        if (hasLoneSurrogate(request.variables)) {
          throw new GraphQLError("De invoer bevat tekens die geen geldige tekst zijn.", {
            extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
          });
        }
      },
    };
  },
};

function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === "string") return /\p{Surrogate}/u.test(value);
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (value && typeof value === "object") {
    return Object.entries(value).some(
      ([key, item]) => hasLoneSurrogate(key) || hasLoneSurrogate(item),
    );
  }
  return false;
}
