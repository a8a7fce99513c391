import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  BREAK,
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  Kind,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLSchema,
  type ObjectFieldNode,
  type ValidationRule,
} from "graphql";
import { getComplexity, type ComplexityEstimator } from "graphql-query-complexity";
import {
  inspectJson,
  unreadableText,
  unreadableTextMessages,
  type UnreadableText,
} from "../common/text.js";

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
      wellFormedText,
      resolvedOperation,
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
 * A document with several operations must say which one to run, and a name it gives must be
 * one of them. Refused here with a 400 in Dutch: left to execution, graphql-js answered in
 * English, and a name that matched nothing ran nothing and became an internal error.
 */
const resolvedOperation: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (operation) return;
        throw new GraphQLError(
          request.operationName
            ? "Het verzoek vraagt om een bewerking die niet in de vraag staat."
            : "De vraag bevat meer dan één bewerking: geef aan welke moet worden uitgevoerd.",
          { extensions: { code: "OPERATION_RESOLUTION_FAILURE", http: { status: 400 } } },
        );
      },
    };
  },
};

/**
 * Every text that reaches a resolver must be text: no lone surrogate ("\ud800" in JSON is no
 * character at all, and validator.js's isEmail throws a URIError on it) and no control
 * character other than tab and line breaks (PostgreSQL refuses a NUL in any statement, which
 * would end a request as our fault). Checked once for every String, ID and other text input,
 * in the variables and in the document's own literals, before any resolver or validator runs.
 * `field` and `fieldPath` name where it was, as the validation errors of an input do.
 */
const wellFormedText: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const refusal = unreadableVariable(request.variables) ?? unreadableLiteral(document);
        if (refusal) {
          throw new GraphQLError(unreadableTextMessages[refusal.kind], {
            extensions: {
              code: "BAD_USER_INPUT",
              ...(refusal.names.length > 0
                ? { field: refusal.names.at(-1), fieldPath: refusal.names.join(".") }
                : {}),
              http: { status: 400 },
            },
          });
        }
      },
    };
  },
};

interface TextRefusal {
  kind: UnreadableText;
  /** The input fields leading to it, without the variable itself (as in validation errors). */
  names: string[];
}

function unreadableVariable(variables: Record<string, unknown> | undefined) {
  // Deeper than any input of the schema: the depth only bounds the walk.
  const [first] = inspectJson(variables ?? {}, { maxDepth: 64, maxFindings: 1 }).unreadable;
  if (!first) return undefined;
  const names = first.path.filter((part): part is string => typeof part === "string");
  // A scalar variable ($text) is its own field; an input object's fields come after its name.
  return { kind: first.kind, names: names.length > 1 ? names.slice(1) : names };
}

function unreadableLiteral(document: DocumentNode): TextRefusal | undefined {
  let refusal: TextRefusal | undefined;
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      const kind = unreadableText(node.value);
      if (!kind) return undefined;
      const names = [...ancestors, parent]
        .filter(
          (ancestor): ancestor is ObjectFieldNode | ArgumentNode =>
            !!ancestor &&
            "kind" in ancestor &&
            (ancestor.kind === Kind.OBJECT_FIELD || ancestor.kind === Kind.ARGUMENT),
        )
        .map((ancestor) => ancestor.name.value);
      refusal = { kind, names: names.length > 1 ? names.slice(1) : names };
      return BREAK;
    },
  });
  return refusal;
}
