import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { developmentApplicationLogin, withLogin } from "../../server/db/application-login.js";
import { startServer } from "../../tools/reliability/instances.js";
import { queryDatabase } from "../support/cluster.js";
import { buildUser, database } from "../support/factories.js";
import { caseWithPlan } from "../support/nazorg.js";
import { loggedInUser, sessionHeaders } from "../support/session.js";

/** The logins of the server's request connections to the lane's database, as PostgreSQL sees them. */
async function requestLogins(): Promise<string[]> {
  const rows = (await (
    await database()
  ).query(
    `SELECT DISTINCT usename::text AS login FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'ketenkaart'`,
  )) as Array<{ login: string }>;
  return rows.map((row) => row.login).sort();
}

/**
 * What a statement smuggled into a request could do on the server's connection: leave the
 * application role with RESET ROLE, then try to become more or read past row-level security.
 */
async function asInjectedStatements(url: string, work: (client: pg.Client) => Promise<void>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET ROLE ketenkaart_app");
    await client.query("RESET ROLE");
    await work(client);
  } finally {
    await client.end();
  }
}

const refusal = (client: pg.Client, sql: string) =>
  client.query(sql).then(
    () => "allowed",
    (error: { code?: string }) => error.code,
  );

describe("the database login requests run as", () => {
  it("owns nothing and cannot become more than ketenkaart_app, even after RESET ROLE", async () => {
    // A request, so the server's pool holds a connection.
    const worker = await loggedInUser();
    const { clientId } = await caseWithPlan(worker);
    expect(await requestLogins()).toEqual([developmentApplicationLogin.user]);

    const [{ owner }] = await queryDatabase<{ owner: string }>(
      inject("databaseUrl"),
      "SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'client'",
    );
    const applicationUrl = withLogin(inject("databaseUrl"), developmentApplicationLogin);
    await asInjectedStatements(applicationUrl, async (client) => {
      const [who] = (
        await client.query(
          `SELECT current_user AS login, r.rolsuper AS superuser, r.rolbypassrls AS bypasses
             FROM pg_roles r WHERE r.rolname = current_user`,
        )
      ).rows as Array<{ login: string; superuser: boolean; bypasses: boolean }>;
      expect(who).toEqual({
        login: developmentApplicationLogin.user,
        superuser: false,
        bypasses: false,
      });
      // Becoming the owner: refused.
      expect(await refusal(client, `SET ROLE "${owner}"`)).toBe("42501");
      // Row-level security still holds: without a viewer, no client is there.
      const clients = await client.query(
        "SELECT count(*)::int AS count FROM client WHERE id = $1",
        [clientId],
      );
      expect(clients.rows[0]).toEqual({ count: 0 });
      // Only the owner may switch it off, alter the log or drop a table.
      expect(await refusal(client, "ALTER TABLE client DISABLE ROW LEVEL SECURITY")).toBe("42501");
      expect(await refusal(client, "DELETE FROM access_log")).toBe("42501");
      expect(await refusal(client, "DROP TABLE access_log")).toBe("42501");
      expect(await refusal(client, "CREATE TABLE stolen (x text)")).toBe("42501");
    });
  });

  it("is checked at every start: the owner's login, or one that can become the owner, is refused", async () => {
    const owner = inject("databaseUrl");
    const escaping = {
      user: `ketenkaart_test_escape_${randomBytes(4).toString("hex")}`,
      password: randomBytes(18).toString("base64url"),
    };
    const [{ ownerRole }] = await queryDatabase<{ ownerRole: string }>(
      owner,
      'SELECT current_user AS "ownerRole"',
    );
    // Member of ketenkaart_app, as asked, and of the owner too.
    await queryDatabase(
      owner,
      `CREATE ROLE "${escaping.user}" LOGIN PASSWORD '${escaping.password}' IN ROLE ketenkaart_app, "${ownerRole}"`,
    );
    try {
      for (const [applicationDatabaseUrl, problem] of [
        [owner, "DATABASE_APP_URL connects as DATABASE_URL's role"],
        [
          withLogin(owner, escaping),
          `is a member of roles other than ketenkaart_app: ${ownerRole}`,
        ],
      ] as const) {
        let output = "";
        const started = await startServer({
          databaseUrl: owner,
          applicationDatabaseUrl,
          env: { NODE_ENV: "test", LOG_LEVEL: "info", SEED_DEMO_REGION: "false" },
          onOutput: (text) => (output += text),
        }).catch((error: Error) => error);
        // A server that started after all is stopped before the test fails.
        if (!(started instanceof Error)) await started.stop();
        expect(started).toEqual(new Error("server exited with code 1"));
        expect(output).toContain(problem);
      }
    } finally {
      await queryDatabase(owner, `DROP ROLE IF EXISTS "${escaping.user}"`);
    }
    // The development login itself passes the check (the lane's server runs on it).
    const user = await buildUser();
    expect(await sessionHeaders(user.email)).toHaveProperty("authorization");
  });
});
