import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { anonymisedText, runRetentionJob } from "../../server/privacy/retention.service.js";

const terms = { closedCaseMonths: 24, securityLogMonths: 24 };
import { graphql } from "../support/api.js";
import { createDatabase, queryDatabase } from "../support/cluster.js";
import { demoAccounts, demoPassword } from "../support/demo.js";
import { buildUser, database } from "../support/factories.js";
import { logged, startInstance, type Instance } from "../support/instance.js";
import { caseWithPlan, openCase, sendReferral, type Headers } from "../support/nazorg.js";
import { loggedInUser, sessionHeaders } from "../support/session.js";
import { eventually } from "../support/wait.js";

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

    expect(await runRetentionJob(db, terms)).toBe(true);

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

    await runRetentionJob(db, terms);
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

  it("deletes the login and request counters whose window has passed, and no other", async () => {
    const db = await database();
    const [passed, running] = [`login-ip:${randomUUID()}`, `login-ip:${randomUUID()}`];
    await db.query(
      `INSERT INTO rate_limit (key, points, expire) VALUES
         ($1, 3, (extract(epoch FROM now()) * 1000)::bigint - 1000),
         ($2, 3, (extract(epoch FROM now()) * 1000)::bigint + 600000)`,
      [passed, running],
    );
    await runRetentionJob(db, terms);
    const left = (await db.query("SELECT key FROM rate_limit WHERE key = ANY ($1)", [
      [passed, running],
    ])) as Array<{ key: string }>;
    expect(left.map((row) => row.key)).toEqual([running]);
  });
});

describe("the retention job on several instances", () => {
  const setCasePhase =
    "mutation ($caseId: ID!) { setCasePhase(caseId: $caseId, phase: AFGESLOTEN) { phase } }";

  it("runs on one at a time: an instance that comes due while another runs it does none of the work", async () => {
    // A database of its own: the instances other test files start run the job on the lane's.
    const own = await createDatabase(inject("clusterUrl"), "retention");
    const instances: Instance[] = [];
    const holder = new pg.Client({ connectionString: own.url });
    let holding = false;
    const displayName = async (clientId: string) =>
      (
        await queryDatabase<{ name: string }>(
          own.url,
          "SELECT display_name AS name FROM client WHERE id = $1",
          [clientId],
        )
      )[0]!.name;
    const closeLongAgo = (caseId: string) =>
      queryDatabase(
        own.url,
        "UPDATE care_case SET closed_at = now() - interval '25 months' WHERE id = $1",
        [caseId],
      );
    try {
      // The first instance migrates and seeds; with a term no case reaches, its runs do nothing.
      const setup = await startInstance(
        { RETENTION_CLOSED_CASE_MONTHS: "1200" },
        { databaseUrl: own.url },
      );
      instances.push(setup);
      const worker = await sessionHeaders(demoAccounts.wijkteamWorker, demoPassword, setup.baseUrl);
      const closedCase = async (name: string) => {
        const opened = await openCase(worker, name, setup.baseUrl);
        const closed = await graphql(
          setCasePhase,
          { caseId: opened.caseId },
          worker,
          setup.baseUrl,
        );
        if (closed.errors) throw new Error(JSON.stringify(closed.errors));
        return opened;
      };
      const first = await closedCase("A. Eerste");
      const second = await closedCase("B. Tweede");
      await closeLongAgo(first.caseId);

      // The test holds a row the job writes, so an instance that runs it waits there, mid-run.
      await holder.connect();
      holding = true;
      await holder.query("BEGIN");
      await holder.query("SELECT 1 FROM regie_assignment WHERE case_id = $1 FOR UPDATE", [
        first.caseId,
      ]);
      const { pid } = (await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid"))
        .rows[0]!;
      // An instance runs the job as it starts; a statement timeout long enough to wait on us.
      const running = await startInstance(
        { DATABASE_STATEMENT_TIMEOUT_MS: "120000" },
        { databaseUrl: own.url },
      );
      instances.push(running);
      await eventually(
        async () =>
          (
            await queryDatabase(
              own.url,
              "SELECT 1 FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))",
              [pid],
            )
          ).length > 0,
        "the first instance's run of the job, waiting on the test",
      );

      // Meanwhile the second client falls due, and another instance starts: its run is due now.
      await closeLongAgo(second.caseId);
      const late = await startInstance({}, { databaseUrl: own.url });
      instances.push(late);
      expect((await logged(late, /^retention/)).msg).toBe(
        "retention: another instance is running the job",
      );
      expect(await displayName(second.clientId)).toBe("B. Tweede");

      await holder.query("ROLLBACK");
      expect(await logged(running, /^retention/)).toMatchObject({
        msg: "retention: clients anonymised",
        anonymised: 1,
      });
      expect(await displayName(first.clientId)).toBe(anonymisedText);
      // It fell due after that run had begun: the next run takes it.
      expect(await displayName(second.clientId)).toBe("B. Tweede");
    } finally {
      if (holding) await holder.end();
      await Promise.all(instances.map((instance) => instance.stop()));
      await own.drop();
    }
  }, 180_000);

  it("deletes the security log's entries older than its term, and keeps the recent ones", async () => {
    const user = await buildUser();
    const db = await database();
    await db.query(
      `INSERT INTO security_event (kind, organization_id, subject_user_id, occurred_at) VALUES
         ('LOGIN', $1, $2, now() - interval '25 months'), ('LOGIN', $1, $2, now() - interval '23 months')`,
      [user.organizationId, user.id],
    );
    await runRetentionJob(db, terms);
    const left = (await db.query(
      `SELECT (now() - occurred_at) > interval '24 months' AS old FROM security_event
        WHERE subject_user_id = $1`,
      [user.id],
    )) as Array<{ old: boolean }>;
    expect(left).toEqual([{ old: false }]);
  });
});
