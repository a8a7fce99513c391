import { describe, expect, it } from "vitest";
import { Role } from "../../server/auth/role.js";
import { accessLogDuring } from "../support/access-log.js";
import { graphql } from "../support/api.js";
import { daysFromToday } from "../support/calendar.js";
import { buildOrganization, database, uniqueWord } from "../support/factories.js";
import { caseWithPlan } from "../support/nazorg.js";
import { recordConsent, scheduleZorgoverleg } from "../support/scenarios.js";
import { loggedInUser } from "../support/session.js";

// How reads are logged, beyond which reads are (access-log-coverage.test.ts): a read's
// entries are written by the statement that reads, so a list is logged all or nothing; an
// item is logged once per request however often the request reaches it; and reading a
// client's access log is itself a read of client data.

type Worker = Awaited<ReturnType<typeof loggedInUser>>;

/** A case of the worker's organisation with two consents, nazorg contacts and two meetings. */
async function caseWithLists(worker: Worker) {
  const { caseId, clientId, plan } = await caseWithPlan(worker);
  await recordConsent(worker.headers, clientId, [await buildOrganization()]);
  await recordConsent(worker.headers, clientId, [await buildOrganization()]);
  await scheduleZorgoverleg(worker.headers, caseId);
  await scheduleZorgoverleg(worker.headers, caseId);
  return { caseId, clientId, plan };
}

/**
 * Makes the database refuse log entries about this one object while `work` runs: a real
 * failure of a log write, for nothing that tests running alongside touch.
 */
async function refusingEntriesFor<T>(objectId: string, work: () => Promise<T>): Promise<T> {
  const db = await database();
  const constraint = `test_refuses_${uniqueWord()}`;
  await db.query(
    `ALTER TABLE access_log ADD CONSTRAINT ${constraint} CHECK (object_id <> '${objectId}') NOT VALID`,
  );
  try {
    return await work();
  } finally {
    await db.query(`ALTER TABLE access_log DROP CONSTRAINT ${constraint}`);
  }
}

describe("the access log", () => {
  it("logs a list with the statement that reads it: all of it, or none when one entry fails", async () => {
    const worker = await loggedInUser();
    const { caseId } = await caseWithLists(worker);
    const lists = [
      { name: "consents", path: "client { consents { id } }", of: "CONSENT" },
      { name: "nazorg contacts", path: "nazorgPlan { contacts { id } }", of: "NAZORG_CONTACT" },
      { name: "zorgoverleggen", path: "zorgoverleggen { id }", of: "ZORGOVERLEG" },
    ];
    for (const list of lists) {
      const document = `query ($id: ID!) { case(id: $id) { id ${list.path} } }`;
      const whole = await graphql<Record<string, unknown>>(
        document,
        { id: caseId },
        worker.headers,
      );
      const ids = [...JSON.stringify(whole.data).matchAll(/"id":"([0-9a-f-]{36})"/g)]
        .map((match) => match[1]!)
        .filter((id) => id !== caseId);
      expect(ids.length, list.name).toBeGreaterThanOrEqual(2);

      // The last item's entry cannot be written: the list is not shown, and none of it is logged.
      let failed: Awaited<ReturnType<typeof graphql>> | undefined;
      const entries = await refusingEntriesFor(ids.at(-1)!, () =>
        accessLogDuring(worker.id, async () => {
          failed = await graphql(document, { id: caseId }, worker.headers);
        }),
      );
      expect(failed!.errors?.length, list.name).toBeGreaterThan(0);
      expect(
        entries.filter((entry) => entry.objectType === list.of),
        `${list.name}: logged reads it did not return`,
      ).toEqual([]);
    }
  });

  it("logs each item once per request, however often the request reaches it", async () => {
    const worker = await loggedInUser();
    const { caseId, clientId } = await caseWithPlan(worker);
    const zorgoverlegId = await scheduleZorgoverleg(worker.headers, caseId);
    const recorded = await graphql(
      "mutation ($input: RecordZorgoverlegInput!) { recordZorgoverleg(input: $input) { id } }",
      {
        input: {
          zorgoverlegId,
          summary: "Twee afspraken gemaakt.",
          communicationAgreement: "Per mail.",
          agreements: [1, 2].map((n) => ({
            description: `Afspraak ${n}`,
            ownerOrganizationId: worker.organizationId,
            ownerUserId: worker.id,
            dueOn: daysFromToday(7 + n),
          })),
        },
      },
      worker.headers,
    );
    expect(recorded.errors).toBeUndefined();

    let response: Awaited<ReturnType<typeof graphql>> | undefined;
    const entries = await accessLogDuring(worker.id, async () => {
      response = await graphql(
        `
          query ($id: ID!) {
            case(id: $id) {
              id
              client {
                id
              }
              zorgoverleggen {
                id
                agreements {
                  id
                  zorgoverleg {
                    id
                  }
                }
              }
            }
            again: case(id: $id) {
              id
              client {
                id
              }
            }
            myCases {
              id
              client {
                id
              }
            }
            myAgreements {
              id
              zorgoverleg {
                id
              }
            }
            dashboard {
              regieCases {
                id
                client {
                  id
                }
              }
              openAgreements {
                id
              }
            }
          }
        `,
        { id: caseId },
        worker.headers,
      );
    });
    expect(response!.errors).toBeUndefined();
    const times = new Map<string, number>();
    for (const entry of entries) {
      const key = `${entry.action} ${entry.objectType} ${entry.objectId}`;
      times.set(key, (times.get(key) ?? 0) + 1);
    }
    expect([...times.entries()].filter(([, count]) => count > 1)).toEqual([]);
    expect([...times.keys()]).toEqual(
      expect.arrayContaining([
        `READ CASE ${caseId}`,
        `READ CLIENT ${clientId}`,
        `READ ZORGOVERLEG ${zorgoverlegId}`,
      ]),
    );
    expect([...times.keys()].filter((key) => key.startsWith("READ AGREEMENT"))).toHaveLength(2);

    // Another request is logged again.
    const next = await accessLogDuring(worker.id, () =>
      graphql("query ($id: ID!) { case(id: $id) { id } }", { id: caseId }, worker.headers),
    );
    expect(next.map((entry) => `${entry.action} ${entry.objectType}`)).toEqual(["READ CASE"]);
  });

  it("logs reading a client's access log, once per request", async () => {
    const worker = await loggedInUser();
    const { clientId } = await caseWithPlan(worker);
    const beheerder = await loggedInUser({
      organizationId: worker.organizationId,
      roles: [Role.MEDEWERKER, Role.BEHEERDER],
    });
    const twice = `query ($id: ID!) {
      first: clientAccessLog(clientId: $id) { objectType }
      second: clientAccessLog(clientId: $id) { objectType } }`;
    const entries = await accessLogDuring(beheerder.id, () =>
      graphql(twice, { id: clientId }, beheerder.headers),
    );
    expect(entries).toEqual([
      {
        userId: beheerder.id,
        action: "READ",
        objectType: "ACCESS_LOG",
        objectId: clientId,
        clientId,
        organizationId: worker.organizationId,
        basis: "CASE_TEAM",
      },
    ]);
    // The next reader of the log sees that it was read, and by whom.
    const shown = await graphql<{
      clientAccessLog: Array<{ objectType: string; action: string }>;
    }>(
      `
        query ($id: ID!) {
          clientAccessLog(clientId: $id) {
            objectType
            action
          }
        }
      `,
      { id: clientId },
      beheerder.headers,
    );
    expect(shown.data!.clientAccessLog[0]).toEqual({ objectType: "ACCESS_LOG", action: "READ" });
  });
});
