import { meetingAt } from "../support/calendar.js";
import { describe, expect, it } from "vitest";
import { Role } from "../../server/auth/role.js";
import { graphql } from "../support/api.js";
import { buildOffering, buildOrganization, database, offeringInput } from "../support/factories.js";
import { openCase } from "../support/nazorg.js";
import { referralChain } from "../support/scenarios.js";
import { loggedInUser } from "../support/session.js";

const refusedField = (result: { errors?: Array<{ message: string; extensions?: unknown }> }) => ({
  code: (result.errors?.[0]?.extensions as { code?: string } | undefined)?.code,
  message: result.errors?.[0]?.message,
});

describe("inputs cannot set organisation, state or regie", () => {
  it("refuses unknown input fields on opening a case, and opens nothing", async () => {
    const worker = await loggedInUser();
    const other = await buildOrganization();
    const openCaseDocument = `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`;
    for (const extra of [
      { organizationId: other },
      { regieHolderOrganizationId: other },
      { team: [{ organizationId: other, role: "Wijkteam" }] },
      { client: { displayName: "A. Bakker", contactPreferences: [], id: other } },
    ]) {
      const result = await graphql(
        openCaseDocument,
        {
          input: {
            client: { displayName: "A. Bakker", contactPreferences: [] },
            role: "Wijkteam",
            ...extra,
          },
        },
        worker.headers,
      );
      expect(refusedField(result)).toEqual({
        code: "BAD_USER_INPUT",
        message: expect.stringMatching(/is not defined by type "(OpenCaseInput|ClientInput)"/),
      });
    }
    // Written inline instead of as a variable, GraphQL validation refuses it before anything runs.
    const inline = await graphql(
      `mutation { openCase(input: { client: { displayName: "A. Bakker", contactPreferences: [] },
        role: "Wijkteam", organizationId: "${other}" }) { id } }`,
      {},
      worker.headers,
    );
    expect(inline.status).toBe(400);
    expect(refusedField(inline).code).toBe("GRAPHQL_VALIDATION_FAILED");
    const { data } = await graphql<{ myCases: unknown[] }>(
      `
        {
          myCases {
            id
          }
        }
      `,
      {},
      worker.headers,
    );
    expect(data?.myCases).toEqual([]);
  });

  it("always gives regie and the team to the opener's own organisation", async () => {
    const worker = await loggedInUser();
    const { caseId } = await openCase(worker.headers);
    const [row] = (await (
      await database()
    ).query(
      `SELECT (SELECT array_agg(organization_id) FROM case_member WHERE case_id = $1) AS team,
              (SELECT organization_id FROM regie_assignment WHERE case_id = $1 AND ended_at IS NULL)
                AS regie`,
      [caseId],
    )) as [{ team: string[]; regie: string }];
    expect(row).toEqual({ team: [worker.organizationId], regie: worker.organizationId });
  });

  it("refuses creating an offering for another organisation unless a region administrator", async () => {
    const other = await buildOrganization();
    const create = `mutation ($organizationId: ID, $input: OfferingInput!) {
      createOffering(organizationId: $organizationId, input: $input) { organization { id } } }`;
    for (const roles of [[Role.MEDEWERKER], [Role.BEHEERDER]]) {
      const worker = await loggedInUser({ roles });
      const result = await graphql(
        create,
        { organizationId: other, input: offeringInput() },
        worker.headers,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const [{ n }] = (await (
      await database()
    ).query(`SELECT count(*)::int AS n FROM offering WHERE organization_id = $1`, [other])) as [
      { n: number },
    ];
    expect(n).toBe(0);
  });

  it("cannot move an offering to another organisation", async () => {
    const beheerder = await loggedInUser({ roles: [Role.BEHEERDER] });
    const id = await buildOffering({ organizationId: beheerder.organizationId });
    const other = await buildOrganization();
    const result = await graphql(
      `
        mutation ($id: ID!, $input: OfferingInput!) {
          updateOffering(id: $id, input: $input) {
            id
          }
        }
      `,
      { id, input: { ...offeringInput(), organizationId: other } },
      beheerder.headers,
    );
    expect(refusedField(result)).toEqual({
      code: "BAD_USER_INPUT",
      message: expect.stringContaining('"organizationId" is not defined by type "OfferingInput"'),
    });
    const [{ organization_id }] = (await (
      await database()
    ).query(`SELECT organization_id FROM offering WHERE id = $1`, [id])) as [
      { organization_id: string },
    ];
    expect(organization_id).toBe(beheerder.organizationId);
  });

  it("cannot start a referral in another state than draft", async () => {
    const { sender, caseId, consentId } = await referralChain<{ id: string }>("id");
    const offeringId = await buildOffering();
    const result = await graphql(
      `
        mutation ($input: StartReferralInput!) {
          startReferral(input: $input) {
            id
            state
          }
        }
      `,
      {
        input: {
          caseId,
          offeringId,
          question: "Hulp",
          handoverSummary: "Samenvatting",
          lifeDomains: ["FINANCIEN"],
          contactPreferences: [],
          consentId,
          state: "ACCEPTED",
        },
      },
      sender.headers,
    );
    expect(refusedField(result)).toEqual({
      code: "BAD_USER_INPUT",
      message: expect.stringContaining('"state" is not defined by type "StartReferralInput"'),
    });
  });

  it("cannot hand regie in a zorgoverleg to an organisation outside the case team", async () => {
    const owner = await loggedInUser();
    const { caseId } = await openCase(owner.headers);
    const outsider = await buildOrganization();
    const scheduled = await graphql<{ scheduleZorgoverleg: { id: string } }>(
      `
        mutation ($input: ScheduleZorgoverlegInput!) {
          scheduleZorgoverleg(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          caseId,
          startsAt: meetingAt(-7),
          location: "Wijkcentrum",
          invitees: [],
        },
      },
      owner.headers,
    );
    expect(scheduled.errors).toBeUndefined();
    const result = await graphql(
      `
        mutation ($input: RecordZorgoverlegInput!) {
          recordZorgoverleg(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          zorgoverlegId: scheduled.data!.scheduleZorgoverleg.id,
          summary: "Besproken.",
          communicationAgreement: "Maandelijks bellen.",
          agreements: [],
          regieDecision: { toOrganizationId: outsider, reason: "Zij nemen het over." },
        },
      },
      owner.headers,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "toOrganizationId",
    });
    const [{ organization_id }] = (await (
      await database()
    ).query(
      `SELECT organization_id FROM regie_assignment WHERE case_id = $1 AND ended_at IS NULL`,
      [caseId],
    )) as [{ organization_id: string }];
    expect(organization_id).toBe(owner.organizationId);
  });
});
