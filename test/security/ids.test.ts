import { amsterdamInstant, today } from "../support/calendar.js";
import { readFileSync } from "node:fs";
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { Role } from "../../server/auth/role.js";
import { graphql } from "../support/api.js";
import { loggedInUser } from "../support/session.js";

const schema = buildSchema(readFileSync("schema/schema.graphql", "utf8"));
const badIds = ["not-a-uuid", "1", "' OR 1=1 --", "00000000-0000-0000-0000-00000000000Z", ""];

/** Where an ID sits in an argument: ["input", "invitees", "organizationId"]. */
type Path = string[];

function idPaths(name: string, type: GraphQLInputType, depth = 0): Path[] {
  const named = getNamedType(type);
  if (isScalarType(named) && named.name === "ID") return [[name]];
  if (!isInputObjectType(named) || depth > 3) return [];
  return Object.values(named.getFields()).flatMap((field) =>
    idPaths(field.name, field.type, depth + 1).map((path) => [name, ...path]),
  );
}

/**
 * A literal of the right type that passes GraphQL validation, with `bad` at `path` (and
 * required fields elsewhere filled with sensible values).
 */
function literal(type: GraphQLInputType, path: Path, bad: string): string {
  if (isNonNullType(type)) return literal(type.ofType, path, bad);
  if (isListType(type)) return `[${literal(type.ofType, path, bad)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter(
      (field) => isNonNullType(field.type) || field.name === path[0],
    );
    return `{ ${fields
      .map((field) => {
        const rest = field.name === path[0] ? path.slice(1) : [];
        return `${field.name}: ${literal(field.type, rest, bad)}`;
      })
      .join(", ")} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "ID":
        return JSON.stringify(path.length === 0 ? bad : "3f8e6b2c-5a1d-4c7e-9b0a-2d4f6e8a1c3b");
      case "Int":
        return "1";
      case "Float":
        return "1.5";
      case "Boolean":
        return "false";
      case "DateTimeISO":
        return JSON.stringify(amsterdamInstant(today(), "10:00"));
      default:
        return JSON.stringify(today());
    }
  }
  throw new Error(`no literal for ${String(type)}`);
}

function argumentsWith(args: readonly GraphQLArgument[], path: Path, bad: string): string {
  const used = args.filter((arg) => isNonNullType(arg.type) || arg.name === path[0]);
  if (!used.length) return "";
  return `(${used
    .map(
      (arg) =>
        `${arg.name}: ${literal(arg.type, arg.name === path[0] ? path.slice(1) : ["-"], bad)}`,
    )
    .join(", ")})`;
}

const cases = (["Query", "Mutation"] as const).flatMap((kind) => {
  const type = kind === "Query" ? schema.getQueryType()! : schema.getMutationType()!;
  return Object.values(type.getFields()).flatMap((field) => {
    const selection =
      isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type))
        ? ""
        : " { __typename }";
    return field.args
      .flatMap((arg) => idPaths(arg.name, arg.type))
      .map((path) => ({
        name: `${kind}.${field.name}(${path.join(".")})`,
        document: (bad: string) =>
          `${kind === "Query" ? "query" : "mutation"} { ${field.name}${argumentsWith(field.args, path, bad)}${selection} }`,
      }));
  });
});

describe("every ID argument", () => {
  it("is found in the schema", () => {
    expect(cases.length).toBeGreaterThan(40);
  });

  // Some hundred requests one after another: a limit for a hung run on a busy machine.
  it(
    "answers a non-UUID with a clean refusal, never a server error",
    { timeout: 300_000 },
    async () => {
      // Every role, so that role checks do not stop the request before the id is looked at.
      const admin = await loggedInUser({ roles: Object.values(Role) });
      const failures: string[] = [];
      for (const { name, document } of cases) {
        for (const bad of badIds) {
          const result = await graphql(document(bad), {}, admin.headers);
          const codes = (result.errors ?? []).map((e) => e.extensions?.code);
          const text = JSON.stringify(result);
          if (
            result.status >= 500 ||
            codes.includes("INTERNAL_SERVER_ERROR") ||
            /uuid|invalid input syntax|QueryFailedError/i.test(text) ||
            // Nothing found and no error is fine too; an empty optional id may mean "not given"
            // (nazorgMap then shows the viewer's own region).
            (bad !== "" &&
              !result.errors?.length &&
              !Object.values(result.data ?? {}).every((v) => v === null))
          ) {
            failures.push(
              `${name} with ${JSON.stringify(bad)}: ${result.status} ${text.slice(0, 300)}`,
            );
          }
        }
      }
      expect(failures).toEqual([]);
    },
  );
});
