import { demoAccounts } from "../support/demo.js";
import type { EntityManager } from "typeorm";
import type { Queryable } from "../../server/db/queryable.js";
import { describe, expect, it } from "vitest";
import { returnedRows } from "../../server/db/queryable.js";
import { graphql } from "../support/api.js";
import { asApplication } from "../support/application-role.js";
import { buildOrganization, database, uniqueWord } from "../support/factories.js";
import { caseWithPlan, sendReferral } from "../support/nazorg.js";
import { loggedInUser } from "../support/session.js";

/** How many rows of each table with case data the viewer sees for this case. */
async function visibleRowsOfCase(organizationId: string | null, caseId: string, clientId: string) {
  return asApplication(organizationId, async (manager) => {
    const [counts] = (await manager.query(
      `SELECT (SELECT count(*) FROM client WHERE id = $2)::int AS client,
              (SELECT count(*) FROM consent WHERE client_id = $2)::int AS consent,
              (SELECT count(*) FROM care_case WHERE id = $1)::int AS "careCase",
              (SELECT count(*) FROM case_member WHERE case_id = $1)::int AS "caseMember",
              (SELECT count(*) FROM regie_assignment WHERE case_id = $1)::int AS "regieAssignment",
              (SELECT count(*) FROM referral WHERE case_id = $1)::int AS referral,
              (SELECT count(*) FROM referral_event e JOIN referral r ON r.id = e.referral_id
                WHERE r.case_id = $1)::int AS "referralEvent",
              (SELECT count(*) FROM nazorg_plan WHERE case_id = $1)::int AS "nazorgPlan",
              (SELECT count(*) FROM nazorg_contact c JOIN nazorg_plan p ON p.id = c.plan_id
                WHERE p.case_id = $1)::int AS "nazorgContact",
              (SELECT count(*) FROM access_log WHERE client_id = $2)::int AS "accessLog"`,
      [caseId, clientId],
    )) as [Record<string, number>];
    return counts;
  });
}

describe("row-level security on case data", () => {
  it("shows the application role a case's rows only with an organisation of its team set", async () => {
    const worker = await loggedInUser();
    const { caseId, clientId } = await caseWithPlan(worker);
    const referral = await sendReferral(worker.headers, caseId, clientId);
    await referral.send();

    const team = await visibleRowsOfCase(worker.organizationId, caseId, clientId);
    expect(team).toEqual({
      client: 1,
      consent: 1,
      careCase: 1,
      caseMember: 1,
      regieAssignment: 1,
      referral: 1,
      referralEvent: 2,
      nazorgPlan: 1,
      nazorgContact: expect.any(Number) as number,
      accessLog: expect.any(Number) as number,
    });
    expect(team.nazorgContact).toBeGreaterThan(0);
    expect(team.accessLog).toBeGreaterThan(0);

    const nothing = Object.fromEntries(Object.keys(team).map((table) => [table, 0]));
    const stranger = await buildOrganization();
    expect(await visibleRowsOfCase(stranger, caseId, clientId)).toEqual(nothing);
    expect(await visibleRowsOfCase(null, caseId, clientId)).toEqual(nothing);
  });

  it("shows a referral's receiver the case, the client and the referral from SENT on, not the team's work", async () => {
    const worker = await loggedInUser();
    const { caseId, clientId } = await caseWithPlan(worker);
    const referral = await sendReferral(worker.headers, caseId, clientId);

    const beforeSending = await visibleRowsOfCase(referral.partner, caseId, clientId);
    expect(beforeSending).toMatchObject({ client: 0, careCase: 0, referral: 0 });

    await referral.send();
    expect(await visibleRowsOfCase(referral.partner, caseId, clientId)).toMatchObject({
      client: 1,
      careCase: 1,
      consent: 1,
      referral: 1,
      referralEvent: 2,
      caseMember: 0,
      regieAssignment: 0,
      nazorgPlan: 0,
      nazorgContact: 0,
    });

    // Withdrawing the consent the referral rests on cuts the receiver off.
    const db = await database();
    const [{ consentId }] = (await db.query(
      `SELECT consent_id AS "consentId" FROM referral WHERE id = $1`,
      [referral.referralId],
    )) as [{ consentId: string }];
    const withdrawn = await graphql(
      "mutation ($consentId: ID!) { withdrawConsent(consentId: $consentId) { id } }",
      { consentId },
      worker.headers,
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(await visibleRowsOfCase(referral.partner, caseId, clientId)).toMatchObject({
      client: 0,
      careCase: 0,
      consent: 0,
      referral: 0,
      referralEvent: 0,
    });
  });

  it("keeps the public sociale kaart readable without a viewer", async () => {
    const rows = await asApplication(null, (manager) =>
      manager.query("SELECT count(*)::int AS offerings FROM offering"),
    );
    expect((rows as [{ offerings: number }])[0].offerings).toBeGreaterThan(0);
  });

  it("lets the application only append to the access log, in its own organisation's name", async () => {
    const worker = await loggedInUser();
    const { clientId } = await caseWithPlan(worker);
    const otherOrganization = await buildOrganization();

    await expect(
      asApplication(worker.organizationId, (manager) =>
        manager.query("UPDATE access_log SET basis = 'GEWIJZIGD' WHERE client_id = $1", [clientId]),
      ),
    ).rejects.toMatchObject({ code: "42501" });
    await expect(
      asApplication(worker.organizationId, (manager) =>
        manager.query("DELETE FROM access_log WHERE client_id = $1", [clientId]),
      ),
    ).rejects.toMatchObject({ code: "42501" });
    await expect(
      asApplication(worker.organizationId, (manager) =>
        manager.query(
          `INSERT INTO access_log (user_id, organization_id, roles, action, object_type, object_id, client_id, basis)
           VALUES ($1, $2, '{MEDEWERKER}', 'READ', 'CLIENT', $3, $3, 'CASE_TEAM')`,
          [worker.id, otherOrganization, clientId],
        ),
      ),
    ).rejects.toMatchObject({ code: "42501" });

    const db = await database();
    const [{ entries }] = (await db.query(
      "SELECT count(*)::int AS entries FROM access_log WHERE client_id = $1 AND basis = 'GEWIJZIGD'",
      [clientId],
    )) as [{ entries: number }];
    expect(entries).toBe(0);
  });

  it("answers the regie-gap list, across teams, to a regiobeheerder only", async () => {
    const worker = await loggedInUser();
    const { caseId } = await caseWithPlan(worker);
    const db = await database();
    // The regie holder's account is disabled: a gap in the demo region (the client's PC4 6825).
    await db.query("UPDATE app_user SET disabled_at = now() WHERE id = $1", [worker.id]);
    const [{ organizationId: regionOffice }] = (await db.query(
      `SELECT organization_id AS "organizationId" FROM app_user WHERE email = $1`,
      [demoAccounts.regionalAdministrator],
    )) as [{ organizationId: string }];
    const gapCases = (roles: string[]) =>
      asApplication(
        regionOffice,
        async (manager) =>
          (
            (await manager.query(`SELECT "caseId" FROM ketenkaart_regie_gaps(1000)`)) as Array<{
              caseId: string;
            }>
          ).map((row) => row.caseId),
        roles,
      );

    expect(await gapCases(["BEHEERDER", "REGIO_BEHEERDER"])).toContain(caseId);
    expect(await gapCases(["BEHEERDER"])).toEqual([]);
    // The administrator's organisation is not on the team: the case itself stays hidden.
    expect(
      await visibleRowsOfCase(regionOffice, caseId, "00000000-0000-0000-0000-000000000000"),
    ).toMatchObject({
      careCase: 0,
    });
  });

  it("is not bypassed by the application role: it owns no table and is no superuser", async () => {
    const db = await database();
    const [role] = (await db.query(
      `SELECT r.rolsuper AS superuser, r.rolbypassrls AS "bypassesRls",
              (SELECT count(*)::int FROM pg_tables t WHERE t.tableowner = r.rolname) AS "ownedTables"
         FROM pg_roles r WHERE r.rolname = 'ketenkaart_app'`,
    )) as [{ superuser: boolean; bypassesRls: boolean; ownedTables: number }];
    expect(role).toEqual({ superuser: false, bypassesRls: false, ownedTables: 0 });
  });

  it("lets the application queue mail only about a referral it sees, and read, change or delete none", async () => {
    const worker = await loggedInUser();
    const { caseId, clientId } = await caseWithPlan(worker);
    const referral = await sendReferral(worker.headers, caseId, clientId);
    await referral.send();
    const outsider = await buildOrganization();
    const queue = (manager: EntityManager) =>
      manager.query(
        `INSERT INTO mail_outbox (kind, referral_id, user_id, subject, text_body, html_body)
         VALUES ('NEW_REFERRAL', $1, $2, 'Onderwerp', 'Tekst', '<p>Tekst</p>')`,
        [referral.referralId, worker.id],
      );
    const rolledBack = new Error("rolled back on purpose");

    await expect(
      asApplication(worker.organizationId, async (manager) => {
        await queue(manager);
        const seen = (await manager.query("SELECT count(*)::int AS rows FROM mail_outbox")) as [
          { rows: number },
        ];
        expect(seen[0].rows).toBe(0);
        for (const change of [
          "UPDATE mail_outbox SET state = 'SENT', finished_at = now()",
          "DELETE FROM mail_outbox",
          "DELETE FROM referral_reminder",
        ]) {
          const result = (await manager.query(`${change} RETURNING 1`)) as unknown[];
          expect(returnedRows(result)).toHaveLength(0);
        }
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    await expect(asApplication(outsider, queue)).rejects.toMatchObject({ code: "42501" });
  });
});

/**
 * Every table in the public schema that holds case or client data, found from the catalogue: the
 * case and client tables themselves, every table with a `case_id` or `client_id` column (also
 * as the end of a longer name, `…_case_id`), and every table with a foreign key to one of those,
 * however many steps away. `via` says why a table is on the list.
 */
async function tablesWithCaseData(db: Queryable): Promise<Array<{ table: string; via: string }>> {
  return (await db.query(
    `WITH RECURSIVE public_table AS (
       SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
     ), holds (oid, via) AS (
       SELECT oid, 'is ' || relname FROM public_table WHERE relname IN ('care_case', 'client')
       UNION
       SELECT a.attrelid, 'has column ' || a.attname
         FROM pg_attribute a JOIN public_table t ON t.oid = a.attrelid
        WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attname ~ '(^|_)(case|client)_id$'
       UNION
       SELECT k.conrelid, 'refers to ' || (SELECT relname FROM public_table WHERE oid = k.confrelid)
         FROM pg_constraint k JOIN holds h ON h.oid = k.confrelid
        WHERE k.contype = 'f' AND k.conrelid IN (SELECT oid FROM public_table)
     )
     SELECT t.relname AS "table", string_agg(DISTINCT h.via, ', ') AS via
       FROM holds h JOIN public_table t ON t.oid = h.oid
      GROUP BY t.relname ORDER BY t.relname`,
  )) as Array<{ table: string; via: string }>;
}

/**
 * Tables with case data that the application reads none of (their rows hold no client data
 * and only the jobs, as owner, read them): row-level security shows them nothing, as no
 * policy lets it read. Every other table with case data needs such a policy.
 */
const unreadByTheApplication: Record<string, string> = {
  mail_outbox: "the application only queues mail; the mail job sends it as owner",
  referral_reminder: "only the mail job writes and reads reminders, as owner",
};

/**
 * What is wrong with the row-level security of each table with case data, a line per problem
 * naming the table: RLS off, the application role able to bypass it as (a member of) the
 * owner without FORCE, no policy that lets `ketenkaart_app` read (SELECT) rows, or one that
 * lets it read every row.
 */
async function rowLevelSecurityProblems(db: Queryable): Promise<string[]> {
  const tables = await tablesWithCaseData(db);
  const rows = (await db.query(
    `SELECT c.relname AS "table", c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
            pg_has_role('ketenkaart_app', c.relowner, 'USAGE') AS "appIsOwner",
            coalesce(array_agg(p.polname::text ORDER BY p.polname)
                       FILTER (WHERE p.polpermissive AND p.polcmd IN ('r', '*')), '{}') AS "readPolicies",
            coalesce(array_agg(p.polname::text ORDER BY p.polname)
                       FILTER (WHERE p.polpermissive AND p.polcmd IN ('r', '*')
                                 AND coalesce(pg_get_expr(p.polqual, p.polrelid), 'true') = 'true'),
                     '{}') AS "openPolicies"
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       LEFT JOIN pg_policy p ON p.polrelid = c.oid
             AND (0 = ANY (p.polroles)
                  OR (SELECT oid FROM pg_roles WHERE rolname = 'ketenkaart_app') = ANY (p.polroles))
      WHERE c.relname = ANY ($1)
      GROUP BY c.oid, c.relname`,
    [tables.map((t) => t.table)],
  )) as Array<{
    table: string;
    enabled: boolean;
    forced: boolean;
    appIsOwner: boolean;
    readPolicies: string[];
    openPolicies: string[];
  }>;
  const problems: string[] = [];
  for (const { table, via } of tables) {
    const row = rows.find((r) => r.table === table)!;
    const name = `${table} (${via})`;
    if (!row.enabled) problems.push(`${name}: row-level security is not enabled`);
    if (row.appIsOwner && !row.forced) {
      problems.push(`${name}: ketenkaart_app acts as its owner and RLS is not forced`);
    }
    if (table in unreadByTheApplication) {
      if (row.readPolicies.length > 0) {
        problems.push(
          `${name}: listed as unread by the application, yet ${row.readPolicies.join(", ")} lets it read`,
        );
      }
    } else if (row.readPolicies.length === 0) {
      problems.push(`${name}: no policy lets ketenkaart_app read (SELECT) it`);
    }
    for (const policy of row.openPolicies) {
      problems.push(`${name}: policy ${policy} lets ketenkaart_app read every row`);
    }
  }
  return problems;
}

describe("row-level security on every table with case data", () => {
  it("is on, with a policy for the application, for each table the catalogue shows holding case data", async () => {
    const db = await database();
    const found = (await tablesWithCaseData(db)).map((t) => t.table);
    // The discovery itself must find what is known to be there, through each of its routes.
    expect(found, "tables found holding case or client data").toEqual(
      expect.arrayContaining([
        "care_case",
        "client",
        "consent",
        "referral",
        "referral_event",
        "zorgoverleg",
        "zorgoverleg_invitee",
        "agreement",
        "nazorg_plan",
        "nazorg_plan_adjustment",
        "nazorg_contact",
        "relapse_risk",
        "access_log",
      ]),
    );
    expect(Object.keys(unreadByTheApplication).filter((table) => !found.includes(table))).toEqual(
      [],
    );
    expect(await rowLevelSecurityProblems(db)).toEqual([]);
  });

  it("names a new table with case data that lacks row-level security, also one reached by a foreign key", async () => {
    const db = await database();
    const suffix = uniqueWord();
    const rolledBack = new Error("rolled back on purpose");
    // Tables made in a transaction that is rolled back: no other test ever sees them.
    await expect(
      db.transaction(async (manager) => {
        await manager.query(`CREATE TABLE case_note_${suffix} (id uuid PRIMARY KEY, case_id uuid)`);
        await manager.query(
          `CREATE TABLE case_note_part_${suffix} (note_id uuid REFERENCES case_note_${suffix} (id))`,
        );
        await manager.query(`ALTER TABLE case_note_part_${suffix} ENABLE ROW LEVEL SECURITY`);
        expect(await rowLevelSecurityProblems(manager)).toEqual([
          `case_note_${suffix} (has column case_id): row-level security is not enabled`,
          `case_note_${suffix} (has column case_id): no policy lets ketenkaart_app read (SELECT) it`,
          `case_note_part_${suffix} (refers to case_note_${suffix}): no policy lets ketenkaart_app read (SELECT) it`,
        ]);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
  });
});

describe("the server's own queries", () => {
  it("go through row-level security: a policy that hides a client hides it from the team too", async () => {
    const worker = await loggedInUser();
    const { caseId, clientId } = await caseWithPlan(worker);
    const readClient = () =>
      graphql<{ case: { client: { displayName: string } | null } | null }>(
        "query ($id: ID!) { case(id: $id) { id client { displayName } } }",
        { id: caseId },
        worker.headers,
      );
    expect((await readClient()).data?.case?.client?.displayName).toBe("R. Visser");

    // Only the database stands between the team and this client now; the code would allow it.
    const db = await database();
    await db.query(
      `CREATE POLICY test_hides_client ON client AS RESTRICTIVE TO ketenkaart_app
         USING (id <> '${clientId}')`,
    );
    try {
      const hidden = await readClient();
      expect(JSON.stringify(hidden)).not.toContain("R. Visser");
    } finally {
      await db.query("DROP POLICY test_hides_client ON client");
    }
  });
});
