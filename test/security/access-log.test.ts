import { meetingAt } from "../support/calendar.js";
import { describe, expect, it } from "vitest";
import { graphql } from "../support/api.js";
import { database } from "../support/factories.js";
import { caseWithPlan, sendReferral, type Headers } from "../support/nazorg.js";
import { loggedInUser } from "../support/session.js";

interface LogEntry {
  action: string;
  objectType: string;
  objectId: string;
}

/** The access log entries the user's request produced. */
async function entriesDuring(userId: string, request: () => Promise<unknown>): Promise<LogEntry[]> {
  const db = await database();
  const [{ last }] = (await db.query(
    "SELECT coalesce(max(id), 0)::text AS last FROM access_log",
  )) as [{ last: string }];
  await request();
  return (await db.query(
    `SELECT action, object_type AS "objectType", object_id AS "objectId"
       FROM access_log WHERE id > $1 AND user_id = $2 ORDER BY id`,
    [last, userId],
  )) as LogEntry[];
}

async function read(document: string, variables: Record<string, unknown>, headers: Headers) {
  const result = await graphql(document, variables, headers);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

async function scheduleZorgoverleg(headers: Headers, caseId: string): Promise<string> {
  const startsAt = meetingAt(10);
  const result = await graphql<{ scheduleZorgoverleg: { id: string } }>(
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
        startsAt,
        durationMinutes: 60,
        location: "Wijkcentrum, zaal 1",
        clientParticipates: true,
        invitees: [],
      },
    },
    headers,
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.scheduleZorgoverleg.id;
}

describe("the access log", () => {
  it("gets an entry for every read of client or case data, sampled across the resolvers", async () => {
    const worker = await loggedInUser();
    const { caseId, clientId, plan } = await caseWithPlan(worker);
    const referral = await sendReferral(worker.headers, caseId, clientId);
    const zorgoverlegId = await scheduleZorgoverleg(worker.headers, caseId);

    const samples: Array<{
      name: string;
      document: string;
      variables?: Record<string, unknown>;
      expected: LogEntry;
    }> = [
      {
        name: "case",
        document: "query ($id: ID!) { case(id: $id) { id phase } }",
        variables: { id: caseId },
        expected: { action: "READ", objectType: "CASE", objectId: caseId },
      },
      {
        name: "the client through the case",
        document: "query ($id: ID!) { case(id: $id) { client { displayName birthYear } } }",
        variables: { id: caseId },
        expected: { action: "READ", objectType: "CLIENT", objectId: clientId },
      },
      {
        name: "referral",
        document: "query ($id: ID!) { referral(id: $id) { id state } }",
        variables: { id: referral.referralId },
        expected: { action: "READ", objectType: "REFERRAL", objectId: referral.referralId },
      },
      {
        name: "zorgoverleg",
        document: "query ($id: ID!) { zorgoverleg(id: $id) { id startsAt } }",
        variables: { id: zorgoverlegId },
        expected: { action: "READ", objectType: "ZORGOVERLEG", objectId: zorgoverlegId },
      },
      {
        name: "nazorg plan",
        document: "query ($id: ID!) { case(id: $id) { nazorgPlan { id } } }",
        variables: { id: caseId },
        expected: { action: "READ", objectType: "NAZORG_PLAN", objectId: plan.id },
      },
      {
        name: "myCases",
        document: "{ myCases { id phase } }",
        expected: { action: "READ", objectType: "CASE", objectId: caseId },
      },
      {
        name: "dashboard",
        document: "{ dashboard { regieCaseCount regieCases { id } } }",
        expected: { action: "READ", objectType: "CASE", objectId: caseId },
      },
    ];

    for (const sample of samples) {
      const entries = await entriesDuring(worker.id, () =>
        read(sample.document, sample.variables ?? {}, worker.headers),
      );
      expect(entries, sample.name).toContainEqual(sample.expected);
    }
  });

  it("fails the read when the log entry cannot be written, and shows nothing of the client", async () => {
    const worker = await loggedInUser();
    const { caseId } = await caseWithPlan(worker);
    const db = await database();
    // A real failure of the log write, for this one user only so tests running alongside are
    // untouched: the database refuses their entries until the constraint is dropped again.
    await db.query(
      `ALTER TABLE access_log ADD CONSTRAINT test_refuses_user CHECK (user_id <> '${worker.id}') NOT VALID`,
    );
    try {
      const result = await graphql(
        "query ($id: ID!) { case(id: $id) { id client { displayName } } }",
        { id: caseId },
        worker.headers,
      );
      expect(result.errors?.length).toBeGreaterThan(0);
      expect(result.data?.case ?? null).toBeNull();
      expect(JSON.stringify(result)).not.toContain("R. Visser");
    } finally {
      await db.query("ALTER TABLE access_log DROP CONSTRAINT test_refuses_user");
    }

    const after = await graphql<{ case: { client: { displayName: string } } }>(
      "query ($id: ID!) { case(id: $id) { id client { displayName } } }",
      { id: caseId },
      worker.headers,
    );
    expect(after.data?.case.client.displayName).toBe("R. Visser");
  });
});
