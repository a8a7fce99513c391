import { demoAccounts } from "../support/demo.js";
import type { EntityManager } from "typeorm";
import { describe, expect, it } from "vitest";
import { returnedRows } from "../../server/common/queryable.js";
import { graphql } from "../support/api.js";
import { buildOrganization, database } from "../support/factories.js";
import { caseWithPlan, sendReferral } from "../support/nazorg.js";
import { loggedInUser } from "../support/session.js";

/**
 * Works as the application role with the given organisation as the viewer, the way the server's
 * connections are set up (server/db/request-scope.ts), on a transaction of the owner's
 * connection that is rolled back or committed as `work` ends.
 */
async function asApplication<T>(
  organizationId: string | null,
  work: (manager: EntityManager) => Promise<T>,
  roles: string[] = ["MEDEWERKER"],
): Promise<T> {
  const db = await database();
  return db.transaction(async (manager) => {
    await manager.query("SET LOCAL ROLE ketenkaart_app");
    await manager.query(
      `SELECT set_config('ketenkaart.organization_id', $1, true),
              set_config('ketenkaart.roles', $2, true)`,
      [organizationId ?? "", roles.join(",")],
    );
    return work(manager);
  });
}

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
