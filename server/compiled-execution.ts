import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import { execute, getVariableValues, GraphQLError, type GraphQLSchema } from "graphql";
import {
  compileQuery,
  fieldExpansionEnricher,
  isCompiledQuery,
  type CompiledQuery,
} from "graphql-jit";
import { LRUCache } from "lru-cache";

type Gateway = ApolloServerOptionsWithGateway<never>["gateway"];

/**
 * Executes GraphQL operations through graphql-jit: each document is compiled once into a
 * function that resolves and completes its fields without graphql-js's per-field
 * interpretation (on a list of 100 cases that interpretation took about a fifth of the
 * server's CPU). Apollo Server 5 has no executor option; its gateway interface is the way to hand
 * it one. Parsing, validation (with graphql-armor's limits), plugins and error formatting stay
 * Apollo's.
 *
 * Compiled operations are kept per document in a bounded cache: the web client sends a few dozen
 * distinct documents, and strangers cannot fill memory with their own.
 */
export function compiledExecution(schema: GraphQLSchema, maxDocuments = 500): Gateway {
  const compiled = new LRUCache<string, CompiledQuery>({ max: maxDocuments });
  return {
    load: () =>
      Promise.resolve({
        async executor({ document, operation, operationName, queryHash, request, context }) {
          // Which operation to run is ambiguous or unknown (refused before, see graphql-limits.ts):
          // graphql-js says so. The name the client asked for, not the resolved one, which is
          // null here and would run the document's only operation.
          if (!operation) {
            return execute({
              schema,
              document,
              contextValue: context,
              operationName: request.operationName,
            });
          }
          // graphql-js coerces the variables, as Apollo's own execution would: graphql-jit's
          // coercion misses the default of a required input field, and its errors differ.
          // The coerced values pass graphql-jit's coercion unchanged.
          const variables = getVariableValues(
            schema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
          );
          if (variables.errors) return { errors: variables.errors };
          const key = `${queryHash}:${operationName ?? ""}`;
          let query = compiled.get(key);
          if (!query) {
            // Each resolver's info tells what is selected below it, worked out here once per
            // document: a search reads only the columns its page shows (selected-columns.ts).
            const result = compileQuery(schema, document, operationName ?? undefined, {
              resolverInfoEnricher: fieldExpansionEnricher,
            });
            // Not compilable (an unknown operation name, say): the errors are the answer.
            if (!isCompiledQuery(result)) return result;
            query = result;
            compiled.set(key, query);
          }
          const result = await query.query(undefined, context, variables.coerced);
          return result.errors ? { ...result, errors: result.errors.map(withExtensions) } : result;
        },
      }),
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => {};
    },
    stop: () => Promise.resolve(),
  };
}

/**
 * graphql-jit leaves `extensions` undefined on an error that did not come with any (a database
 * failure, say); Apollo expects the object graphql-js always sets, and without it would answer
 * with its own unmasked message instead of ours.
 */
function withExtensions(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  return new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
  });
}
