import { describe, expect, it } from "vitest";
import { runRetentionJob } from "../../server/privacy/retention.service.js";
import { graphql } from "../support/api.js";
import { database } from "../support/factories.js";
import { caseWithPlan, sendReferral, type Headers } from "../support/nazorg.js";
import { loggedInUser } from "../support/session.js";

const readCase = `query ($id: ID!) { case(id: $id) {
  phase
  client { displayName birthYear postcodeArea contactPreferences }
  referrals { question handoverSummary }
} }`;

interface CaseData {
  phase: string;
  client: {
    displayName: string;
    birthYear: number | null;
    postcodeArea: string | null;
    contactPreferences: string[];
  };
  referrals: Array<{ question: string; handoverSummary: string }>;
}

async function closedCase(worker: { headers: Headers; organizationId: string; id: string }) {
  const { caseId, clientId } = await caseWithPlan(worker);
  await sendReferral(worker.headers, caseId, clientId);
  const closed = await graphql(
    "mutation ($caseId: ID!) { setCasePhase(caseId: $caseId, phase: AFGESLOTEN) { phase } }",
    { caseId },
    worker.headers,
  );
  if (closed.errors) throw new Error(JSON.stringify(closed.errors));
  return { caseId, clientId };
}

async function caseAs(headers: Headers, caseId: string): Promise<CaseData> {
  const result = await graphql<{ case: CaseData }>(readCase, { id: caseId }, headers);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.case;
}

describe("retention", () => {
  it("anonymises a client whose cases were closed longer ago than the term, and no other", async () => {
    const worker = await loggedInUser();
    const old = await closedCase(worker);
    const recent = await closedCase(worker);
    const db = await database();
    // The database records when a case was closed; move one closing back past the 24 months.
    await db.query("UPDATE care_case SET closed_at = now() - interval '25 months' WHERE id = $1", [
      old.caseId,
    ]);
    const [{ entries: logBefore }] = (await db.query(
      "SELECT count(*)::int AS entries FROM access_log WHERE client_id = $1",
      [old.clientId],
    )) as [{ entries: number }];

    expect(await runRetentionJob(db, 24)).toBe(true);

    expect(await caseAs(worker.headers, old.caseId)).toEqual({
      phase: "AFGESLOTEN",
      client: {
        displayName: "Geanonimiseerd",
        birthYear: null,
        postcodeArea: null,
        contactPreferences: [],
      },
      referrals: [{ question: "Geanonimiseerd", handoverSummary: "Geanonimiseerd" }],
    });
    expect((await caseAs(worker.headers, recent.caseId)).client.displayName).toBe("R. Visser");

    // The access log keeps its entries (ids only) and the purpose of the consent stays.
    const [{ entries: logAfter }] = (await db.query(
      "SELECT count(*)::int AS entries FROM access_log WHERE client_id = $1",
      [old.clientId],
    )) as [{ entries: number }];
    expect(logAfter).toBeGreaterThanOrEqual(logBefore);
    const consents = (await db.query("SELECT purpose FROM consent WHERE client_id = $1", [
      old.clientId,
    ])) as Array<{ purpose: string }>;
    expect(consents).toEqual([{ purpose: "Warme overdracht voor schuldregeling" }]);
  });

  it("keeps a client whose case was reopened, however long it had been closed", async () => {
    const worker = await loggedInUser();
    const { caseId } = await closedCase(worker);
    const db = await database();
    await db.query("UPDATE care_case SET closed_at = now() - interval '25 months' WHERE id = $1", [
      caseId,
    ]);
    const reopened = await graphql(
      "mutation ($caseId: ID!) { setCasePhase(caseId: $caseId, phase: NAZORG) { phase } }",
      { caseId },
      worker.headers,
    );
    expect(reopened.errors).toBeUndefined();

    await runRetentionJob(db, 24);
    expect((await caseAs(worker.headers, caseId)).client.displayName).toBe("R. Visser");
  });

  it("counts the term from the closing, which the database records itself", async () => {
    const worker = await loggedInUser();
    const { caseId } = await closedCase(worker);
    const db = await database();
    const [{ closedAt }] = (await db.query(
      `SELECT closed_at AS "closedAt" FROM care_case WHERE id = $1`,
      [caseId],
    )) as [{ closedAt: Date | null }];
    expect(closedAt).not.toBeNull();
    expect(Date.now() - closedAt!.getTime()).toBeLessThan(60_000);
  });
});
