import { daysFromToday, meetingAt } from "../support/calendar.js";
import { readFileSync } from "node:fs";
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../support/api.js";
import { database, uniqueWord } from "../support/factories.js";
import { caseWithPlan, sendReferral } from "../support/nazorg.js";
import { scheduleZorgoverleg } from "../support/scenarios.js";
import { loggedInUser } from "../support/session.js";

// Every operation in the schema that takes the id of case data (case, client, consent,
// referral, zorgoverleg, agreement, nazorg plan or contact), called with the ids of another
// organisation's case — and with the caller's own organisation and user wherever an input
// names one, as someone trying to add themselves would. Generated from the committed schema,
// so a new operation is covered the day it is added.

const schema = buildSchema(readFileSync("schema/schema.graphql", "utf8"));

interface Fixture {
  caseId: string;
  clientId: string;
  consentId: string;
  referralId: string;
  zorgoverlegId: string;
  agreementId: string;
  planId: string;
  contactId: string;
}
let fixture: Fixture;
let clientName: string;

// An argument or input field named like this carries the id of case data.
const caseDataIds: Record<string, keyof Fixture> = {
  caseId: "caseId",
  clientId: "clientId",
  consentId: "consentId",
  referralId: "referralId",
  zorgoverlegId: "zorgoverlegId",
  agreementId: "agreementId",
  planId: "planId",
  contactId: "contactId",
};
// Operations whose plain `id` argument is case data.
const idOfOperation: Record<string, keyof Fixture> = {
  case: "caseId",
  referral: "referralId",
  zorgoverleg: "zorgoverlegId",
};

interface Caller {
  organizationId: string;
  userId: string;
}

/** A value of the right type that passes validation, so only authorization can refuse it. */
function sample(name: string, type: GraphQLInputType, caller: Caller): unknown {
  if (isNonNullType(type)) return sample(name, type.ofType, caller);
  if (isListType(type)) return [sample(name, type.ofType, caller)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields()).map((field) => [
        field.name,
        sample(field.name, field.type, caller),
      ]),
    );
  }
  switch (type.name) {
    case "ID":
      if (name in caseDataIds) return fixture[caseDataIds[name]!];
      return /User|heldBy/i.test(name) ? caller.userId : caller.organizationId;
    case "Int":
      return /Minutes/.test(name) ? 60 : /Months/.test(name) ? 12 : 1;
    case "Boolean":
      return false;
    case "DateTimeISO":
      return meetingAt(10);
    default:
      if (/On$|Date|Until|addPlanned/.test(name)) return daysFromToday(-1);
      if (/videoLink/.test(name)) return "https://video.example/overleg";
      return "Toelichting van een andere organisatie";
  }
}

function touchesCaseData(operation: string, field: GraphQLField<unknown, unknown>): boolean {
  const names = (args: readonly { name: string; type: GraphQLInputType }[]): string[] =>
    args.flatMap((arg) => {
      const named = getNamedType(arg.type);
      return [
        arg.name,
        ...(isInputObjectType(named) ? names(Object.values(named.getFields())) : []),
      ];
    });
  return operation in idOfOperation || names(field.args).some((name) => name in caseDataIds);
}

function requestFor(
  kind: "query" | "mutation",
  field: GraphQLField<unknown, unknown>,
  caller: Caller,
) {
  const args = field.args as readonly GraphQLArgument[];
  const variables = Object.fromEntries(
    args.map((arg) => [
      arg.name,
      arg.name === "id" ? fixture[idOfOperation[field.name]!] : sample(arg.name, arg.type, caller),
    ]),
  );
  const declared = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(", ");
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const selection = isObjectType(getNamedType(field.type)) ? "{ __typename }" : "";
  return {
    document: `${kind}${declared ? ` (${declared})` : ""} { ${field.name}${passed ? `(${passed})` : ""} ${selection} }`,
    variables,
  };
}

const operations = (["query", "mutation"] as const).flatMap((kind) => {
  const type = kind === "query" ? schema.getQueryType()! : schema.getMutationType()!;
  return Object.values(type.getFields())
    .filter((field) => touchesCaseData(field.name, field))
    .map((field) => ({ kind, field }));
});

/**
 * A fingerprint of every row of the fixture's client: other test files write to the same
 * tables meanwhile, so only these rows are compared.
 */
async function checksum(): Promise<string> {
  const cases = "SELECT id FROM care_case WHERE client_id = $1";
  const rowsOf: Record<string, string> = {
    client: "id = $1",
    consent: "client_id = $1",
    care_case: "client_id = $1",
    case_member: `case_id IN (${cases})`,
    regie_assignment: `case_id IN (${cases})`,
    referral: `case_id IN (${cases})`,
    referral_event: `referral_id IN (SELECT id FROM referral WHERE case_id IN (${cases}))`,
    zorgoverleg: `case_id IN (${cases})`,
    zorgoverleg_invitee: `case_id IN (${cases})`,
    agreement: `case_id IN (${cases})`,
    nazorg_plan: `case_id IN (${cases})`,
    nazorg_contact: `plan_id IN (SELECT id FROM nazorg_plan WHERE case_id IN (${cases}))`,
    relapse_risk: `case_id IN (${cases})`,
  };
  const rows = (await (
    await database()
  ).query(
    Object.entries(rowsOf)
      .map(
        ([table, where]) =>
          `SELECT '${table}' AS t, count(*) AS n,
                  md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h
             FROM ${table} x WHERE ${where}`,
      )
      .join(" UNION ALL "),
    [fixture.clientId],
  )) as Array<{ t: string; n: string; h: string }>;
  return rows.map((row) => `${row.t}:${row.n}:${row.h}`).join(",");
}

beforeAll(async () => {
  const team = await loggedInUser();
  clientName = `Inwoner ${uniqueWord()}`;
  const { caseId, clientId, plan } = await caseWithPlan(team);
  await (
    await database()
  ).query("UPDATE client SET display_name = $2 WHERE id = $1", [clientId, clientName]);
  const referral = await sendReferral(team.headers, caseId, clientId);
  await referral.send();
  const [{ consent_id: consentId }] = (await (
    await database()
  ).query("SELECT consent_id FROM referral WHERE id = $1", [referral.referralId])) as [
    { consent_id: string },
  ];
  const zorgoverlegId = await scheduleZorgoverleg(team.headers, caseId);
  const recorded = await graphql<{ recordZorgoverleg: { agreements: Array<{ id: string }> } }>(
    `
      mutation ($input: RecordZorgoverlegInput!) {
        recordZorgoverleg(input: $input) {
          agreements {
            id
          }
        }
      }
    `,
    {
      input: {
        zorgoverlegId,
        summary: "Afspraken gemaakt",
        communicationAgreement: "Wekelijks bellen",
        agreements: [
          {
            description: "Budgetplan",
            dueOn: daysFromToday(7),
            ownerOrganizationId: team.organizationId,
          },
        ],
      },
    },
    team.headers,
  );
  fixture = {
    caseId,
    clientId,
    consentId,
    referralId: referral.referralId,
    zorgoverlegId,
    agreementId: recorded.data!.recordZorgoverleg.agreements[0]!.id,
    planId: plan.id,
    contactId: plan.contacts[0]!.id,
  };
});

describe("every operation on another organisation's case data", () => {
  it("covers the operations of every module with case data", () => {
    const names = operations.map((operation) => operation.field.name);
    for (const expected of [
      "case",
      "clientAccessLog",
      "transitionReferral",
      "recordConsent",
      "recordZorgoverleg",
      "setAgreementStatus",
      "registerNazorgContact",
      "removeNazorgContact",
    ]) {
      expect(names).toContain(expected);
    }
  });

  it("is refused to every role of an uninvolved organisation and to anonymous callers, and changes nothing", async () => {
    const before = await checksum();
    const outsiderOrganization = (await loggedInUser()).organizationId;
    const callers = [
      await loggedInUser({ organizationId: outsiderOrganization, roles: ["MEDEWERKER"] as never }),
      await loggedInUser({ organizationId: outsiderOrganization, roles: ["COORDINATOR"] as never }),
      await loggedInUser({ organizationId: outsiderOrganization, roles: ["BEHEERDER"] as never }),
      await loggedInUser({
        organizationId: outsiderOrganization,
        roles: ["BEHEERDER", "REGIO_BEHEERDER"] as never,
      }),
    ];
    for (const { kind, field } of operations) {
      for (const caller of callers) {
        const { document, variables } = requestFor(kind, field, {
          organizationId: caller.organizationId,
          userId: caller.id,
        });
        const result = await graphql(document, variables, caller.headers);
        const label = `${field.name} as ${JSON.stringify(caller.email)}`;
        expect(result.data?.[field.name] ?? null, label).toBeNull();
        // To an outsider the object does not exist: null, or NOT_FOUND / FORBIDDEN.
        if (result.errors) {
          expect(
            ["NOT_FOUND", "FORBIDDEN"],
            `${label}: ${JSON.stringify(result.errors)}`,
          ).toContain(result.errors[0]?.extensions?.code);
        }
        expect(JSON.stringify(result).includes(clientName), label).toBe(false);
      }
      const { document, variables } = requestFor(kind, field, {
        organizationId: outsiderOrganization,
        userId: callers[0]!.id,
      });
      const anonymous = await graphql(document, variables);
      expect(anonymous.errors?.[0]?.extensions?.code, `${field.name} anonymously`).toBe(
        "UNAUTHENTICATED",
      );
    }
    expect(await checksum()).toBe(before);
  });
});
