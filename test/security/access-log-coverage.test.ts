import {
  getNamedType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  isLeafType,
  isObjectType,
  isRequiredArgument,
  parse,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { buildKetenkaartSchema } from "../../server/schema.js";
import { graphqlLimits, operationCost } from "../../server/security/graphql-limits.js";
import { accessLogDuring, type AccessLogEntry } from "../support/access-log.js";
import { graphql, type GraphQLResponse } from "../support/api.js";
import { caseWithAllItsData } from "../support/scenarios.js";

// Every read of client data is in the access log, checked over the whole schema rather than by
// samples: each path of fields from a query root to an object of client data is asked, with
// the ids of one case that has every kind of data, by each kind of viewer who may see part of
// it. A request must log a read of exactly the items it returned, no fewer and no others; a
// new field that returns client data without logging it fails here, naming its path.

/** Object types of client data, with what the access log calls a read of one. */
const loggedTypes: Record<string, string> = {
  CareCase: "CASE",
  Client: "CLIENT",
  Consent: "CONSENT",
  Referral: "REFERRAL",
  Zorgoverleg: "ZORGOVERLEG",
  Agreement: "AGREEMENT",
  NazorgPlan: "NAZORG_PLAN",
  NazorgContact: "NAZORG_CONTACT",
};

/** Parts of one of those, only ever shown with it: the read of the whole is the log entry. */
const partOf: Record<string, string[]> = {
  CaseMember: ["CareCase"],
  // The regie decision of a zorgoverleg is part of its report.
  RegieAssignment: ["CareCase", "Zorgoverleg"],
  RelapseRisk: ["CareCase"],
  ReferralEvent: ["Referral"],
  ZorgoverlegInvitee: ["Zorgoverleg"],
  NazorgPlanAdjustment: ["NazorgPlan"],
};

/** Types that name a case by its id (this field) without its data: logged as a read of it. */
const standsForCase: Record<string, string> = { RegieGap: "caseId" };

/** What client data links to that holds none of it: the sociale kaart, its partners, workers. */
const withoutClientData = ["Organization", "User", "Offering", "Gemeente", "ReferralStep"];

/** Paths (or how they end) that no data can fill, each with the reason. */
const unreachable: Record<string, string> = {
  "relapseRisk.clearedBy": "the open relapse risk is the one not cleared yet",
};
const endsWith = (name: string, end: string) => name === end || name.endsWith(`.${end}`);
const isUnreachable = (name: string) => Object.keys(unreachable).some((end) => endsWith(name, end));

const isClientData = (type: string) =>
  type in loggedTypes || type in partOf || type in standsForCase;

interface Step {
  parent: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  type: GraphQLObjectType;
}

/** Object types from which some field leads, in any number of steps, to client data. */
function typesLeadingToClientData(schema: GraphQLSchema): Set<string> {
  const objects = Object.values(schema.getTypeMap()).filter(isObjectType);
  const leading = new Set(objects.map((type) => type.name).filter(isClientData));
  for (let grown = true; grown;) {
    grown = false;
    for (const type of objects) {
      if (leading.has(type.name)) continue;
      if (Object.values(type.getFields()).some((f) => leading.has(getNamedType(f.type).name))) {
        leading.add(type.name);
        grown = true;
      }
    }
  }
  return leading;
}

/** Longest path walked; every path without a repeated type is shorter today. */
const maxDepth = 8;

/**
 * Every path of fields from a query root field to an object of client data, never through the
 * same type twice: where a query can hand out client data.
 */
function pathsToClientData(schema: GraphQLSchema): Step[][] {
  const leading = typesLeadingToClientData(schema);
  const paths: Step[][] = [];
  const walk = (parent: GraphQLObjectType, path: Step[]) => {
    for (const field of Object.values(parent.getFields())) {
      const type = getNamedType(field.type);
      if (!isObjectType(type) || !leading.has(type.name)) continue;
      if (type === schema.getQueryType() || path.some((step) => step.type === type)) continue;
      const longer = [...path, { parent, field, type }];
      if (isClientData(type.name)) paths.push(longer);
      if (longer.length < maxDepth) walk(type, longer);
    }
  };
  walk(schema.getQueryType()!, []);
  return paths;
}

const pathName = (path: Step[]) => path.map((step) => step.field.name).join(".");

/**
 * A query that follows the path, selecting the id of every object on the way (what the log
 * names) and, where the cost limit allows, every plain field of the last one.
 */
function queryFor(schema: GraphQLSchema, path: Step[], values: Record<string, string>): string {
  const build = (withLeaves: boolean) => {
    let selection = "";
    for (let index = path.length - 1; index >= 0; index--) {
      const { parent, field, type } = path[index]!;
      const fields = type.getFields();
      const own = ["id", standsForCase[type.name]].filter((name) => name && name in fields);
      if (withLeaves && index === path.length - 1) {
        for (const leaf of Object.values(fields)) {
          if (isLeafType(getNamedType(leaf.type)) && !leaf.args.some(isRequiredArgument)) {
            own.push(leaf.name);
          }
        }
      }
      const args = field.args.filter(isRequiredArgument).map((arg) => {
        const key = `${parent.name}.${field.name}.${arg.name}`;
        if (!(key in values)) throw new Error(`no value for the argument ${key}`);
        return `${arg.name}: ${JSON.stringify(values[key])}`;
      });
      const call = args.length > 0 ? `${field.name}(${args.join(", ")})` : field.name;
      const selected = [...new Set(own), selection].join(" ").trim() || "__typename";
      selection = `${call} { ${selected} }`;
    }
    return `{ ${selection} }`;
  };
  const full = build(true);
  const cost = operationCost(schema, parse(full), {});
  return cost !== undefined && cost <= graphqlLimits.maxCost ? full : build(false);
}

/** The objects of the response at each step of the path. */
function objectsAlong(data: unknown, path: Step[]): Array<Array<Record<string, unknown>>> {
  const levels: Array<Array<Record<string, unknown>>> = [];
  let current = [data as Record<string, unknown>];
  for (const { field } of path) {
    current = current
      .flatMap((object) => [object[field.name]].flat())
      .filter((value): value is Record<string, unknown> => typeof value === "object" && !!value);
    levels.push(current);
  }
  return levels;
}

/** A part of client data on the path whose whole is not read before it. */
function partsWithoutTheirWhole(path: Step[]): string[] {
  return path.flatMap(({ type }, index) => {
    const wholes = partOf[type.name];
    if (!wholes || path.slice(0, index).some((step) => wholes.includes(step.type.name))) {
      return [];
    }
    return [`${pathName(path)}: returns ${type.name} without reading its ${wholes.join(" or ")}`];
  });
}

/** The items of client data in the response, by the log's name for them, and how often. */
function itemsReturned(
  path: Step[],
  levels: Array<Array<Record<string, unknown>>>,
): Map<string, number> {
  const returned = new Map<string, number>();
  for (const [index, { type }] of path.entries()) {
    for (const object of levels[index]!) {
      const key =
        type.name in loggedTypes
          ? `${loggedTypes[type.name]} ${String(object.id)}`
          : type.name in standsForCase
            ? `CASE ${String(object[standsForCase[type.name]!])}`
            : null;
      if (key) returned.set(key, (returned.get(key) ?? 0) + 1);
    }
  }
  return returned;
}

/**
 * How the entries a request logged differ from what it returned: each item returned is logged
 * as read exactly once, in the viewer's name and organisation, for the scenario's client;
 * nothing else is.
 */
function logProblems(
  request: string,
  returned: Map<string, number>,
  entries: AccessLogEntry[],
  viewer: { organizationId: string },
  clientId: string,
): string[] {
  const problems: string[] = [];
  const logged = new Map<string, number>();
  for (const entry of entries) {
    const key = `${entry.objectType} ${entry.objectId}`;
    logged.set(key, (logged.get(key) ?? 0) + 1);
    if (entry.action !== "READ") problems.push(`${request}: logged ${entry.action} of ${key}`);
    if (entry.organizationId !== viewer.organizationId) {
      problems.push(`${request}: logged ${key} for another organisation`);
    }
    if (entry.clientId !== clientId) {
      problems.push(`${request}: logged ${key} for another client`);
    }
  }
  for (const [key, times] of returned) {
    const count = logged.get(key) ?? 0;
    if (count === 0) problems.push(`${request}: returned ${key} without logging its read`);
    // Once per request, however often it was returned.
    if (count > 1) problems.push(`${request}: logged ${key} ${count} times, returned ${times}`);
  }
  for (const key of logged.keys()) {
    if (!returned.has(key)) problems.push(`${request}: logged a read of ${key} it did not return`);
  }
  return problems;
}

describe("the access log covers every query that returns client data", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildKetenkaartSchema();
  });

  it("knows every type of client data in the schema, and what each links to", () => {
    const types = Object.values(schema.getTypeMap()).filter(isObjectType);
    const names = types.map((type) => type.name);
    const problems: string[] = [];
    for (const name of [
      ...Object.keys(loggedTypes),
      ...Object.keys(partOf),
      ...Object.values(partOf).flat(),
      ...Object.keys(standsForCase),
      ...withoutClientData,
    ]) {
      if (!names.includes(name)) problems.push(`${name} is not in the schema`);
    }
    for (const type of types) {
      const fields = Object.values(type.getFields());
      if (!isClientData(type.name) && fields.some((f) => /^(case|client)Id$/.test(f.name))) {
        problems.push(`${type.name} names a case or client: classify it in this test`);
      }
      if (!isClientData(type.name)) continue;
      for (const field of fields) {
        const linked = getNamedType(field.type);
        if (isObjectType(linked) && !isClientData(linked.name)) {
          if (!withoutClientData.includes(linked.name)) {
            problems.push(`${type.name}.${field.name} returns ${linked.name}: classify it`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("logs a read of exactly the items each path returns, for every viewer who may see them", async () => {
    const scenario = await caseWithAllItsData();
    const values = {
      "Query.case.id": scenario.caseId,
      "Query.referral.id": scenario.referralId,
      "Query.zorgoverleg.id": scenario.zorgoverlegId,
    };
    const viewers = {
      team: scenario.worker,
      partner: scenario.partner,
      regionalAdministrator: scenario.regionalAdministrator,
    };
    const paths = pathsToClientData(schema);
    const names = paths.map(pathName);
    // The walk itself must find the lists known to show client data.
    expect(names).toEqual(
      expect.arrayContaining([
        "case.client.consents",
        "case.referrals",
        "referralInbox",
        "referralOutbox",
        "dashboard.referralsAwaitingResponse",
        "dashboard.outgoingReferralsOverdue",
        "zorgoverleg.agreements",
        "case.nazorgPlan.contacts",
        "dashboard.regieGaps",
      ]),
    );
    expect(
      Object.keys(unreachable).filter((end) => !names.some((name) => endsWith(name, end))),
    ).toEqual([]);

    const problems = paths.flatMap(partsWithoutTheirWhole);
    const reachedBy = new Map<string, string[]>();
    const errors = new Map<string, string[]>();
    await Promise.all(
      Object.entries(viewers).map(async ([who, viewer]) => {
        // A path below one that showed this viewer nothing and failed nowhere shows nothing
        // either: none of its nested resolvers runs. Asking it would only cost time.
        const empty = new Set<string>();
        for (const path of paths) {
          const name = pathName(path);
          const parent = pathName(path.slice(0, -1));
          if (empty.has(parent)) {
            empty.add(name);
            continue;
          }
          let document: string;
          try {
            document = queryFor(schema, path, values);
          } catch (error) {
            problems.push(`${name}: ${(error as Error).message}`);
            continue;
          }
          let response: GraphQLResponse<Record<string, unknown>> | undefined;
          const entries = await accessLogDuring(viewer.id, async () => {
            response = await graphql(document, {}, viewer.headers);
          });
          const levels = objectsAlong(response!.data ?? {}, path);
          if (response!.errors) {
            errors.set(name, [
              ...(errors.get(name) ?? []),
              `${who}: ${response!.errors.map((e) => e.message).join("; ")}`,
            ]);
          } else if (levels.at(-1)!.length === 0) {
            empty.add(name);
          }
          if (levels.at(-1)!.length > 0) reachedBy.set(name, [...(reachedBy.get(name) ?? []), who]);
          const as = `${name} (as ${who})`;
          problems.push(
            ...logProblems(as, itemsReturned(path, levels), entries, viewer, scenario.clientId),
          );
        }
      }),
    );

    for (const name of names) {
      if (!reachedBy.has(name) && !isUnreachable(name)) {
        const why = errors.get(name)?.join(" | ") ?? "an empty answer";
        problems.push(`${name}: returned nothing to any viewer (${why}); extend the scenario`);
      }
      if (reachedBy.has(name) && isUnreachable(name)) {
        problems.push(`${name}: returns data, yet is listed as unreachable`);
      }
    }
    expect(problems.sort()).toEqual([]);
  });
});
