import { daysFromToday, today } from "../support/calendar.js";
import { describe, expect, it } from "vitest";
import { graphql } from "../support/api.js";
import { buildOrganization, database } from "../support/factories.js";

import { loggedInUser } from "../support/session.js";

const consentFields =
  "id purpose method givenOn validUntil isValid withdrawnAt recipients { id } recordedBy { id } withdrawnBy { id }";
const recordConsent = `mutation ($clientId: ID!, $input: ConsentInput!) { recordConsent(clientId: $clientId, input: $input) { ${consentFields} } }`;
const withdrawConsent = `mutation ($id: ID!) { withdrawConsent(consentId: $id) { ${consentFields} } }`;

interface ConsentData {
  id: string;
  isValid: boolean;
  recipients: Array<{ id: string }>;
  recordedBy: { id: string };
  withdrawnBy: { id: string } | null;
}

async function caseWithClient() {
  const worker = await loggedInUser();
  const result = await graphql<{ openCase: { id: string; client: { id: string } } }>(
    `
      mutation ($input: OpenCaseInput!) {
        openCase(input: $input) {
          id
          client {
            id
          }
        }
      }
    `,
    { input: { client: { displayName: "A.B.", contactPreferences: [] }, role: "Wijkteam" } },
    worker.headers,
  );
  return { worker, caseId: result.data!.openCase.id, clientId: result.data!.openCase.client.id };
}

const consentInput = (recipient: string, overrides: Record<string, unknown> = {}) => ({
  recipientOrganizationIds: [recipient],
  purpose: "Warme overdracht naar de kredietbank voor een schuldregeling",
  dataCategories: ["CONTACTGEGEVENS", "HULPVRAAG"],
  method: "MONDELING",
  givenOn: today(),
  validUntil: "2099-12-31",
  ...overrides,
});

describe("consent", () => {
  it("is recorded for the client's chosen organisations and shows on the case", async () => {
    const { worker, caseId, clientId } = await caseWithClient();
    const kredietbank = await buildOrganization();
    const result = await graphql<{ recordConsent: ConsentData }>(
      recordConsent,
      { clientId, input: consentInput(kredietbank) },
      worker.headers,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordConsent).toMatchObject({
      isValid: true,
      recipients: [{ id: kredietbank }],
      recordedBy: { id: worker.id },
      withdrawnBy: null,
    });
    const onCase = await graphql<{ case: { client: { consents: Array<{ id: string }> } } }>(
      `
        query ($id: ID!) {
          case(id: $id) {
            client {
              consents {
                id
              }
            }
          }
        }
      `,
      { id: caseId },
      worker.headers,
    );
    expect(onCase.data!.case.client.consents.map((c) => c.id)).toEqual([
      result.data!.recordConsent.id,
    ]);
  });

  it("can be withdrawn once, recording by whom, after which it no longer counts", async () => {
    const { worker, clientId } = await caseWithClient();
    const recorded = await graphql<{ recordConsent: ConsentData }>(
      recordConsent,
      { clientId, input: consentInput(await buildOrganization()) },
      worker.headers,
    );
    const id = recorded.data!.recordConsent.id;
    const withdrawn = await graphql<{ withdrawConsent: ConsentData }>(
      withdrawConsent,
      { id },
      worker.headers,
    );
    expect(withdrawn.data!.withdrawConsent).toMatchObject({
      isValid: false,
      withdrawnBy: { id: worker.id },
    });
    const again = await graphql(withdrawConsent, { id }, worker.headers);
    expect(again.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const log = (await (
      await database()
    ).query("SELECT action FROM access_log WHERE object_id = $1 ORDER BY id", [id])) as Array<{
      action: string;
    }>;
    expect(log.map((e) => e.action)).toEqual(["CREATE", "UPDATE"]);
  });

  it.each([
    { ended: "long ago", givenOn: daysFromToday(-730), validUntil: daysFromToday(-365) },
    // Yesterday in Amsterdam, which is still today in UTC from midnight until 01:00.
    { ended: "yesterday in Amsterdam", givenOn: daysFromToday(-10), validUntil: daysFromToday(-1) },
  ])("counts as expired after its last day: $ended", async ({ givenOn, validUntil }) => {
    const { worker, clientId } = await caseWithClient();
    const result = await graphql<{ recordConsent: ConsentData }>(
      recordConsent,
      { clientId, input: consentInput(await buildOrganization(), { givenOn, validUntil }) },
      worker.headers,
    );
    expect(result.data!.recordConsent.isValid).toBe(false);
  });

  it("names wrong dates and unknown organisations", async () => {
    const { worker, clientId } = await caseWithClient();
    const recipient = await buildOrganization();
    for (const [overrides, field] of [
      // Ending before it was given; given tomorrow.
      [{ validUntil: daysFromToday(-1) }, "validUntil"],
      [{ givenOn: daysFromToday(1) }, "givenOn"],
      [{ givenOn: "1-1-2026" }, "givenOn"],
      [
        { recipientOrganizationIds: ["00000000-0000-4000-8000-000000000000"] },
        "recipientOrganizationIds",
      ],
      [{ recipientOrganizationIds: [] }, "recipientOrganizationIds"],
    ] as const) {
      const result = await graphql(
        recordConsent,
        { clientId, input: consentInput(recipient, overrides) },
        worker.headers,
      );
      expect(result.errors?.[0]?.extensions, JSON.stringify(result.errors)).toMatchObject({
        code: "BAD_USER_INPUT",
        field,
      });
    }
  });

  it("cannot be recorded or withdrawn by an organisation outside the case team", async () => {
    const { worker, clientId } = await caseWithClient();
    const recorded = await graphql<{ recordConsent: ConsentData }>(
      recordConsent,
      { clientId, input: consentInput(await buildOrganization()) },
      worker.headers,
    );
    const outsider = await loggedInUser();
    const record = await graphql(
      recordConsent,
      { clientId, input: consentInput(outsider.organizationId) },
      outsider.headers,
    );
    expect(record.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const withdraw = await graphql(
      withdrawConsent,
      { id: recorded.data!.recordConsent.id },
      outsider.headers,
    );
    expect(withdraw.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
