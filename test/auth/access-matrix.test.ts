import { today } from "../support/calendar.js";
import { beforeAll, describe, expect, it } from "vitest";
import { graphql, type GraphQLResponse } from "../support/api.js";
import { buildOffering, database, uniqueWord } from "../support/factories.js";
import { referralChain } from "../support/scenarios.js";
import { loggedInUser } from "../support/session.js";

// Every operation on case, client, consent and referral data, tried by every role from an
// organisation on the case team, from the receiver of a sent (not yet accepted) referral, and
// from organisations not involved at all — the region's administrator included: managing the
// region's partners gives no right to their clients. Nothing may leak, not even nested.

type Relation = "team" | "receiver" | "outsider";
interface Persona {
  label: string;
  relation: Relation;
  roles: string[];
  headers: Record<string, string>;
}

let personas: Persona[];
let clientName: string;
let ids: Awaited<ReturnType<typeof buildFixture>>["ids"];

/**
 * A sent referral from a case team to a receiver, the client's name known, and a persona for
 * every role on each side and outside. Tests that change it build one of their own.
 */
async function buildFixture() {
  const chain = await referralChain<{ id: string }>("id");
  const { sender, receiver, caseId, consentId } = chain;
  const clientName = `Inwoner ${uniqueWord()}`;
  const db = await database();
  const [{ client_id: clientId }] = (await db.query(
    "SELECT client_id FROM care_case WHERE id = $1",
    [caseId],
  )) as [{ client_id: string }];
  await db.query("UPDATE client SET display_name = $2 WHERE id = $1", [clientId, clientName]);
  const sent = await graphql(
    `
      mutation ($input: ReferralTransitionInput!) {
        transitionReferral(input: $input) {
          state
        }
      }
    `,
    { input: { referralId: chain.referral.id, to: "SENT" } },
    sender.headers,
  );
  expect(sent.errors).toBeUndefined();
  const [{ offering_id: receiverOffering }] = (await db.query(
    "SELECT offering_id FROM referral WHERE id = $1",
    [chain.referral.id],
  )) as [{ offering_id: string }];
  const ids = {
    caseId,
    clientId,
    consentId,
    referralId: chain.referral.id,
    teamOrganization: sender.organizationId,
    receiverOrganization: receiver.organizationId,
    receiverOffering,
  };

  const outsiderOrganization = (await loggedInUser()).organizationId;
  const persona = async (
    label: string,
    relation: Relation,
    organizationId: string,
    roles: string[],
  ): Promise<Persona> => ({
    label,
    relation,
    roles,
    headers: (await loggedInUser({ organizationId, roles: roles as never })).headers,
  });
  const personas: Persona[] = [
    { label: "team: medewerker", relation: "team", roles: ["MEDEWERKER"], headers: sender.headers },
    await persona("team: coördinator", "team", sender.organizationId, ["COORDINATOR"]),
    await persona("team: beheerder", "team", sender.organizationId, ["MEDEWERKER", "BEHEERDER"]),
    {
      label: "receiver: medewerker",
      relation: "receiver",
      roles: ["MEDEWERKER"],
      headers: receiver.headers,
    },
    await persona("receiver: beheerder", "receiver", receiver.organizationId, ["BEHEERDER"]),
    await persona("outsider: medewerker", "outsider", outsiderOrganization, ["MEDEWERKER"]),
    await persona("outsider: coördinator", "outsider", outsiderOrganization, ["COORDINATOR"]),
    await persona("outsider: beheerder", "outsider", outsiderOrganization, ["BEHEERDER"]),
    await persona("outsider: regiobeheerder", "outsider", outsiderOrganization, [
      "BEHEERDER",
      "REGIO_BEHEERDER",
    ]),
  ];
  return { personas, clientName, ids };
}

beforeAll(async () => {
  ({ personas, clientName, ids } = await buildFixture());
});

/** The response as text, to check that the client's name appears nowhere in it. */
const leaks = (response: GraphQLResponse<unknown>) => JSON.stringify(response).includes(clientName);

async function rowCounts() {
  const [counts] = (await (
    await database()
  ).query(
    `SELECT (SELECT count(*) FROM regie_assignment WHERE case_id = $1)::int AS regie,
            (SELECT count(*) FROM case_member WHERE case_id = $1)::int AS team,
            (SELECT phase FROM care_case WHERE id = $1) AS phase,
            (SELECT count(*) FROM consent WHERE client_id = $2)::int AS consents,
            (SELECT count(*) FROM consent WHERE client_id = $2 AND withdrawn_at IS NOT NULL)::int AS withdrawn,
            (SELECT count(*) FROM referral WHERE case_id = $1)::int AS referrals`,
    [ids.caseId, ids.clientId],
  )) as [Record<string, unknown>];
  return counts;
}

describe("reading case, client and referral data", () => {
  const caseQuery = `query ($id: ID!) {
    case(id: $id) { id phase client { displayName consents { purpose } } team { role }
      regieHolder { reason } regieHistory { reason } referrals { id question } } }`;

  it("opens the case and its client only to the case team", async () => {
    for (const p of personas) {
      const result = await graphql<{
        case: { id: string; client: { displayName: string } } | null;
      }>(caseQuery, { id: ids.caseId }, p.headers);
      if (p.relation === "team") {
        expect(result.data?.case?.client.displayName, p.label).toBe(clientName);
      } else {
        expect(result.data?.case ?? null, p.label).toBeNull();
        expect(leaks(result), p.label).toBe(false);
      }
    }
  });

  it("lists the case under 'mijn casussen' only for the case team", async () => {
    for (const p of personas) {
      const result = await graphql<{ myCases: Array<{ id: string }> }>(
        `
          {
            myCases {
              id
              client {
                displayName
              }
            }
          }
        `,
        {},
        p.headers,
      );
      expect(
        result.data!.myCases.some((c) => c.id === ids.caseId),
        p.label,
      ).toBe(p.relation === "team");
      if (p.relation !== "team") expect(leaks(result), p.label).toBe(false);
    }
  });

  it("shows the referral to its sender and receiver, and to nobody else", async () => {
    for (const p of personas) {
      const result = await graphql<{ referral: { handoverSummary: string } | null }>(
        `
          query ($id: ID!) {
            referral(id: $id) {
              id
              question
              handoverSummary
              events {
                note
              }
            }
          }
        `,
        { id: ids.referralId },
        p.headers,
      );
      if (p.relation === "outsider") expect(result.data?.referral ?? null, p.label).toBeNull();
      else expect(result.data?.referral?.handoverSummary, p.label).toBeTruthy();
    }
  });

  it("puts the referral in the receiver's inbox and the sender's outbox only", async () => {
    for (const p of personas) {
      const result = await graphql<{
        referralInbox: Array<{ id: string }>;
        referralOutbox: Array<{ id: string }>;
      }>(
        `
          {
            referralInbox {
              id
            }
            referralOutbox {
              id
            }
          }
        `,
        {},
        p.headers,
      );
      expect(
        result.data!.referralInbox.some((r) => r.id === ids.referralId),
        `${p.label} inbox`,
      ).toBe(p.relation === "receiver");
      expect(
        result.data!.referralOutbox.some((r) => r.id === ids.referralId),
        `${p.label} outbox`,
      ).toBe(p.relation === "team");
    }
  });

  it("shows who accessed the client's data to the case team's beheerder only", async () => {
    for (const p of personas) {
      const result = await graphql<{ clientAccessLog: Array<{ action: string }> }>(
        `
          query ($id: ID!) {
            clientAccessLog(clientId: $id) {
              action
              objectType
              organizationName
            }
          }
        `,
        { id: ids.clientId },
        p.headers,
      );
      if (p.relation === "team" && p.roles.includes("BEHEERDER")) {
        expect(result.data?.clientAccessLog.length, p.label).toBeGreaterThan(0);
      } else {
        expect(result.data?.clientAccessLog, p.label).toBeUndefined();
        expect(["FORBIDDEN", "NOT_FOUND"], p.label).toContain(result.errors?.[0]?.extensions?.code);
      }
    }
  });
});

describe("changing case, client and referral data", () => {
  const mutations: Array<{
    name: string;
    document: string;
    variables: () => Record<string, unknown>;
  }> = [
    {
      name: "transferRegie",
      document: `mutation ($input: TransferRegieInput!) { transferRegie(input: $input) { id } }`,
      variables: () => ({
        input: { caseId: ids.caseId, toOrganizationId: ids.teamOrganization, reason: "Overname" },
      }),
    },
    {
      name: "addCaseMember",
      document: `mutation ($caseId: ID!, $org: ID!) { addCaseMember(caseId: $caseId, organizationId: $org, role: "Meekijken") { id } }`,
      variables: () => ({ caseId: ids.caseId, org: ids.receiverOrganization }),
    },
    {
      name: "setCasePhase",
      document: `mutation ($caseId: ID!) { setCasePhase(caseId: $caseId, phase: AFGESLOTEN) { id } }`,
      variables: () => ({ caseId: ids.caseId }),
    },
    {
      name: "recordConsent",
      document: `mutation ($clientId: ID!, $input: ConsentInput!) { recordConsent(clientId: $clientId, input: $input) { id } }`,
      variables: () => ({
        clientId: ids.clientId,
        input: {
          recipientOrganizationIds: [ids.receiverOrganization],
          purpose: "Gegevens delen",
          dataCategories: ["CONTACTGEGEVENS"],
          method: "MONDELING",
          givenOn: today(),
          validUntil: "2099-01-01",
        },
      }),
    },
    {
      name: "withdrawConsent",
      document: `mutation ($id: ID!) { withdrawConsent(consentId: $id) { id } }`,
      variables: () => ({ id: ids.consentId }),
    },
    {
      name: "startReferral",
      document: `mutation ($input: StartReferralInput!) { startReferral(input: $input) { id } }`,
      variables: () => ({
        input: {
          caseId: ids.caseId,
          offeringId: ids.receiverOffering,
          question: "Nog een vraag",
          handoverSummary: "Samenvatting",
          lifeDomains: [],
          contactPreferences: [],
          consentId: ids.consentId,
        },
      }),
    },
  ];

  it("refuses every change to anyone outside the case team, and writes nothing", async () => {
    const before = await rowCounts();
    for (const p of personas.filter((persona) => persona.relation !== "team")) {
      for (const mutation of mutations) {
        const result = await graphql(mutation.document, mutation.variables(), p.headers);
        expect(result.data?.[mutation.name] ?? null, `${p.label} ${mutation.name}`).toBeNull();
        expect(result.errors?.[0]?.extensions?.code, `${p.label} ${mutation.name}`).toBe(
          "NOT_FOUND",
        );
        expect(leaks(result), `${p.label} ${mutation.name}`).toBe(false);
      }
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("lets every role of the case team act on the case", async () => {
    for (const p of personas.filter((persona) => persona.relation === "team")) {
      const result = await graphql(
        `
          mutation ($caseId: ID!) {
            setCasePhase(caseId: $caseId, phase: ONTWIKKELING) {
              phase
            }
          }
        `,
        { caseId: ids.caseId },
        p.headers,
      );
      expect(result.data, p.label).toEqual({ setCasePhase: { phase: "ONTWIKKELING" } });
    }
  });
});

describe("the partners' own entries on the sociale kaart", () => {
  const organizationInput = {
    name: `Stichting ${uniqueWord()}`,
    gemeenten: ["GM0202"],
    contactPoint: { phone: "026 000 00 00" },
    nvvkMember: false,
  };

  it("let only the organisation's beheerder and the region's administrator edit the organisation", async () => {
    for (const p of personas) {
      const result = await graphql(
        `
          mutation ($id: ID!, $input: OrganizationInput!) {
            updateOrganization(id: $id, input: $input) {
              id
            }
          }
        `,
        { id: ids.receiverOrganization, input: organizationInput },
        p.headers,
      );
      const allowed =
        p.roles.includes("REGIO_BEHEERDER") ||
        (p.relation === "receiver" && p.roles.includes("BEHEERDER"));
      if (allowed) expect(result.errors, p.label).toBeUndefined();
      else expect(result.errors?.[0]?.extensions?.code, p.label).toBe("FORBIDDEN");
    }
  });

  it("let only the organisation's own workers and the region's administrator change its offerings and locations", async () => {
    const offeringId = await buildOffering({ organizationId: ids.receiverOrganization });
    for (const p of personas) {
      const allowed = p.relation === "receiver" || p.roles.includes("REGIO_BEHEERDER");
      const attempts = [
        await graphql(
          `
            mutation ($id: ID!) {
              setOfferingStatus(id: $id, status: PAUSED) {
                id
              }
            }
          `,
          { id: offeringId },
          p.headers,
        ),
        await graphql(
          `
            mutation ($id: ID!) {
              markOfferingVerified(id: $id) {
                id
              }
            }
          `,
          { id: offeringId },
          p.headers,
        ),
        await graphql(
          `
            mutation ($org: ID!, $input: LocationInput!) {
              createLocation(organizationId: $org, input: $input) {
                id
              }
            }
          `,
          {
            org: ids.receiverOrganization,
            input: { street: "Markt 1", postcode: "6811 AA", city: "Arnhem" },
          },
          p.headers,
        ),
      ];
      for (const result of attempts) {
        if (allowed) expect(result.errors, p.label).toBeUndefined();
        else expect(result.errors?.[0]?.extensions?.code, p.label).toBe("FORBIDDEN");
      }
    }
  });

  it("let only the region's administrator add a partner to the region", async () => {
    for (const p of personas) {
      const result = await graphql(
        `
          mutation ($input: NewOrganizationInput!) {
            createOrganization(input: $input) {
              id
            }
          }
        `,
        { input: { ...organizationInput, name: `Stichting ${uniqueWord()}`, kind: "OVERIG" } },
        p.headers,
      );
      if (p.roles.includes("REGIO_BEHEERDER")) expect(result.errors, p.label).toBeUndefined();
      else expect(result.errors?.[0]?.extensions?.code, p.label).toBe("FORBIDDEN");
    }
  });
});

describe("after the receiver accepts", () => {
  it("opens the rest of the case to the receiving organisation, and still not to outsiders", async () => {
    const { personas, clientName, ids } = await buildFixture();
    const receiver = personas.find((p) => p.relation === "receiver")!;
    const accepted = await graphql(
      `
        mutation ($input: ReferralTransitionInput!) {
          transitionReferral(input: $input) {
            state
          }
        }
      `,
      { input: { referralId: ids.referralId, to: "ACCEPTED" } },
      receiver.headers,
    );
    expect(accepted.errors).toBeUndefined();
    for (const p of personas) {
      const result = await graphql<{ case: { client: { displayName: string } } | null }>(
        `
          query ($id: ID!) {
            case(id: $id) {
              client {
                displayName
              }
            }
          }
        `,
        { id: ids.caseId },
        p.headers,
      );
      if (p.relation === "outsider") expect(result.data?.case ?? null, p.label).toBeNull();
      else expect(result.data?.case?.client.displayName, p.label).toBe(clientName);
    }
  });
});
