import { describe, expect, it } from "vitest";
import { graphql } from "../support/api.js";
import { asApplication } from "../support/application-role.js";
import { buildOffering, buildOrganization, database } from "../support/factories.js";
import { openCase } from "../support/nazorg.js";
import { draftReferral, recordConsent } from "../support/scenarios.js";
import { loggedInUser } from "../support/session.js";

// A consent's data categories bound what goes out. A warm handover carries the question for
// help and a handover summary; a consent for contact details only does not cover them, so such
// a referral is not sent at all (rather than arriving without its question): the worker is
// told when choosing the consent, and again when sending.

async function caseAndPartner() {
  const worker = await loggedInUser();
  const { caseId, clientId } = await openCase(worker.headers, "C. Categorie");
  const partner = await buildOrganization();
  const offeringId = await buildOffering({ organizationId: partner });
  return { worker, caseId, clientId, partner, offeringId };
}

const start = `mutation ($input: StartReferralInput!) { startReferral(input: $input) { id } }`;
const send = `mutation ($input: ReferralTransitionInput!) {
  transitionReferral(input: $input) { id state } }`;

describe("a referral on a consent for contact details only", () => {
  it("is not started: the worker is told the consent does not cover the question", async () => {
    const { worker, caseId, clientId, partner, offeringId } = await caseAndPartner();
    const consentId = await recordConsent(worker.headers, clientId, [partner], {
      dataCategories: ["CONTACTGEGEVENS"],
    });
    const result = await graphql(
      start,
      {
        input: {
          caseId,
          offeringId,
          consentId,
          question: "Hulp bij schulden",
          handoverSummary: "Achterstand bij de energieleverancier.",
          lifeDomains: [],
          contactPreferences: [],
        },
      },
      worker.headers,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "consentId",
    });
    expect(result.errors?.[0]?.message).toMatch(/hulpvraag/);
    expect(result.errors?.[0]?.message).not.toMatch(/consentId|HULPVRAAG/);
    const [{ count }] = (await (
      await database()
    ).query("SELECT count(*)::int AS count FROM referral WHERE case_id = $1", [caseId])) as [
      { count: number },
    ];
    expect(count).toBe(0);
  });

  it("is not sent, by the service nor by the database, and reaches no receiver", async () => {
    const { worker, caseId, clientId, partner, offeringId } = await caseAndPartner();
    const consentId = await recordConsent(worker.headers, clientId, [partner]);
    const draft = await draftReferral<{ id: string }>(worker.headers, {
      caseId,
      offeringId,
      consentId,
    });
    // The consent is narrowed to contact details after the draft was made.
    const db = await database();
    await db.query("UPDATE consent SET data_categories = '{CONTACTGEGEVENS}' WHERE id = $1", [
      consentId,
    ]);

    const sent = await graphql(
      send,
      { input: { referralId: draft.id, to: "SENT" } },
      worker.headers,
    );
    expect(sent.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "consentId",
    });
    expect(sent.errors?.[0]?.message).toMatch(/hulpvraag/);

    // A check forgotten in code: the database refuses the step out of the draft itself.
    await expect(
      asApplication(worker.organizationId, (manager) =>
        manager.query(
          `UPDATE referral SET state = 'SENT', sent_at = now(), response_due_at = now(),
                  intake_due_at = now() WHERE id = $1`,
          [draft.id],
        ),
      ),
    ).rejects.toThrow(/no consent shares the case with its receiver/);
    const [{ state }] = (await db.query("SELECT state FROM referral WHERE id = $1", [
      draft.id,
    ])) as [{ state: string }];
    expect(state).toBe("DRAFT");

    const receiver = await loggedInUser({ organizationId: partner });
    const inbox = await graphql<{ referralInbox: Array<{ id: string }> }>(
      "{ referralInbox { id } }",
      {},
      receiver.headers,
    );
    expect(inbox.data!.referralInbox).toEqual([]);
  });
});
