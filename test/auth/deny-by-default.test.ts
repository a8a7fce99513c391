import { amsterdamInstant, today } from "../support/calendar.js";
import { readFileSync } from "node:fs";
import {
  buildSchema,
  getNamedType,
  parse,
  subscribe,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { buildKetenkaartSchema } from "../../server/schema.js";
import { graphql } from "../support/api.js";

// The public sociale kaart, logging in and accepting an invitation (its link is the proof);
// everything else needs a session.
const publicOperations = new Set([
  "Query.offerings",
  "Query.offering",
  "Query.organization",
  "Query.organizations",
  "Query.postcodeArea",
  "Query.gemeenten",
  "Query.regions",
  "Query.mapSettings",
  "Query.taxonomy",
  "Query.privacy",
  "Query.me",
  "Mutation.login",
  "Query.invitation",
  "Mutation.acceptInvitation",
  "Mutation.requestPasswordReset",
  "Query.passwordReset",
  "Query.loginSettings",
  "Mutation.resetPassword",
]);

const schema = buildSchema(readFileSync("schema/schema.graphql", "utf8"));

/** A literal of the right type, so the request passes GraphQL validation and reaches the resolver. */
function sample(type: GraphQLInputType): string {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return `[${sample(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type));
    return `{ ${fields.map((field) => `${field.name}: ${sample(field.type)}`).join(", ")} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "ID":
        return '"00000000-0000-4000-8000-000000000000"';
      case "Int":
        return "1";
      case "Float":
        return "1.5";
      case "Boolean":
        return "true";
      case "DateTimeISO":
        return JSON.stringify(amsterdamInstant(today(), "10:00"));
      default:
        return JSON.stringify(today());
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}

const operations = (["Query", "Mutation"] as const).flatMap((kind) => {
  const type = kind === "Query" ? schema.getQueryType()! : schema.getMutationType()!;
  return Object.values(type.getFields()).map((field) => {
    const args = field.args.filter((arg) => isNonNullType(arg.type));
    const argumentList = args.length
      ? `(${args.map((arg) => `${arg.name}: ${sample(arg.type)}`).join(", ")})`
      : "";
    const selection =
      isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type))
        ? ""
        : " { __typename }";
    return {
      name: `${kind}.${field.name}`,
      document: `${kind === "Query" ? "query" : "mutation"} { ${field.name}${argumentList}${selection} }`,
    };
  });
});

describe("deny by default", () => {
  it("covers every operation of the schema", () => {
    expect(operations.length).toBeGreaterThan(30);
    for (const name of publicOperations) expect(operations.map((o) => o.name)).toContain(name);
  });

  it.each(operations.filter((operation) => !publicOperations.has(operation.name)))(
    "$name asks an anonymous caller to log in",
    async ({ document }) => {
      const result = await graphql(document);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors)).toBe(
        "UNAUTHENTICATED",
      );
      expect(result.data?.[Object.keys(result.data ?? {})[0] ?? ""] ?? null).toBeNull();
    },
  );
});

// Over the WebSocket an anonymous caller is refused before any operation (test/live); the
// subscriptions refuse one all the same, should a socket ever carry one.
describe("deny by default for subscriptions", () => {
  it("asks an anonymous subscriber to log in, on every subscription of the schema", async () => {
    const executable = await buildKetenkaartSchema();
    const fields = Object.keys(executable.getSubscriptionType()?.getFields() ?? {});
    expect(fields.length).toBeGreaterThan(1);
    for (const field of fields) {
      const result = await subscribe({
        schema: executable,
        document: parse(`subscription { ${field} { __typename } }`),
        contextValue: { viewer: null },
      });
      expect(Symbol.asyncIterator in result, field).toBe(false);
      expect(
        (result as { errors?: Array<{ extensions: { code?: string } }> }).errors?.[0]?.extensions
          .code,
        field,
      ).toBe("UNAUTHENTICATED");
    }
  });
});
