import { describe, expect, it } from "vitest";
import { accessLogOfCase } from "../support/access-log.js";
import { graphql } from "../support/api.js";
import { database } from "../support/factories.js";
import { recordConsent } from "../support/scenarios.js";
import { loggedInUser } from "../support/session.js";

const caseFields = `
  id phase
  client { id displayName birthYear postcodeArea gemeente { code } contactPreferences }
  team { role organization { id } }
  regieHolder { organization { id } user { id } decidedBy { id } reason endedAt }
  regieHistory { organization { id } user { id } reason startedAt endedAt }`;

const openCase = `mutation ($input: OpenCaseInput!) { openCase(input: $input) { ${caseFields} } }`;
const readCase = `query ($id: ID!) { case(id: $id) { ${caseFields} } }`;
const transfer = `mutation ($input: TransferRegieInput!) { transferRegie(input: $input) { ${caseFields} } }`;
const addMember = `mutation ($caseId: ID!, $organizationId: ID!, $role: String!) {
  addCaseMember(caseId: $caseId, organizationId: $organizationId, role: $role) { id } }`;

interface CaseData {
  id: string;
  client: { id: string; displayName: string; gemeente: { code: string } | null };
  team: Array<{ role: string; organization: { id: string } }>;
  regieHolder: {
    organization: { id: string };
    user: { id: string } | null;
    decidedBy: { id: string };
    reason: string;
  };
  regieHistory: Array<{
    organization: { id: string };
    reason: string;
    startedAt: string;
    endedAt: string | null;
  }>;
}

const clientInput = {
  displayName: "J. de Boer",
  birthYear: 1984,
  postcodeArea: "6825",
  contactPreferences: ["WHATSAPP", "LIEVER_NIET_BELLEN"],
};

async function openCaseAs(worker: { headers: Record<string, string> }) {
  const result = await graphql<{ openCase: CaseData }>(
    openCase,
    { input: { client: clientInput, role: "Casusregie wijkteam" } },
    worker.headers,
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.openCase;
}

/** The client's consent for the organisation, then the organisation on the case team. */
async function addMemberOnConsent(
  owner: { headers: Record<string, string> },
  opened: CaseData,
  organizationId: string,
  role: string,
) {
  await recordConsent(owner.headers, opened.client.id, [organizationId]);
  const added = await graphql(
    addMember,
    { caseId: opened.id, organizationId, role },
    owner.headers,
  );
  if (added.errors) throw new Error(JSON.stringify(added.errors));
}

describe("opening a case", () => {
  it("records only what the chain needs and gives the worker's organisation regie", async () => {
    const worker = await loggedInUser();
    const opened = await openCaseAs(worker);
    expect(opened.client).toMatchObject({
      displayName: "J. de Boer",
      gemeente: { code: "GM0202" },
    });
    expect(opened.team).toEqual([
      { role: "Casusregie wijkteam", organization: { id: worker.organizationId } },
    ]);
    expect(opened.regieHolder).toMatchObject({
      organization: { id: worker.organizationId },
      user: { id: worker.id },
      decidedBy: { id: worker.id },
    });
    expect(opened.regieHistory).toHaveLength(1);
    const log = await accessLogOfCase(opened.id);
    expect(
      log
        .filter((e) => e.action === "CREATE")
        .map((e) => e.objectType)
        .sort(),
    ).toEqual(["CASE", "CLIENT"]);
    expect(
      log.every((e) => e.userId === worker.id && e.organizationId === worker.organizationId),
    ).toBe(true);
  });

  it("names the field of bad client data and writes nothing", async () => {
    const worker = await loggedInUser();
    for (const [client, field] of [
      [{ ...clientInput, displayName: "" }, "displayName"],
      [{ ...clientInput, postcodeArea: "68" }, "postcodeArea"],
      [{ ...clientInput, birthYear: 1700 }, "birthYear"],
    ] as const) {
      const result = await graphql(
        openCase,
        { input: { client, role: "Wijkteam" } },
        worker.headers,
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
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
});

describe("who may see a case", () => {
  it("is only the case team; to others it does not exist", async () => {
    const owner = await loggedInUser();
    const opened = await openCaseAs(owner);
    const outsider = await loggedInUser();
    const seen = await graphql<{ case: CaseData | null }>(
      readCase,
      { id: opened.id },
      outsider.headers,
    );
    expect(seen.data?.case).toBeNull();
    const list = await graphql<{ myCases: Array<{ id: string }> }>(
      `
        {
          myCases {
            id
          }
        }
      `,
      {},
      outsider.headers,
    );
    expect(list.data?.myCases.map((c) => c.id)).not.toContain(opened.id);
    const anonymous = await graphql(readCase, { id: opened.id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("includes an organisation once it joins the team, and logs what it reads", async () => {
    const owner = await loggedInUser();
    const opened = await openCaseAs(owner);
    const partner = await loggedInUser();
    await addMemberOnConsent(owner, opened, partner.organizationId, "Budgetcoaching");
    const seen = await graphql<{ case: CaseData }>(readCase, { id: opened.id }, partner.headers);
    expect(seen.data?.case.client.displayName).toBe("J. de Boer");
    const reads = (await accessLogOfCase(opened.id)).filter(
      (e) => e.action === "READ" && e.userId === partner.id,
    );
    expect(reads.map((e) => e.objectType).sort()).toEqual(["CASE", "CLIENT"]);
  });
});

describe("regie", () => {
  it("moves to another team member with who decided, when and why, and keeps its history", async () => {
    const owner = await loggedInUser();
    const opened = await openCaseAs(owner);
    const partner = await loggedInUser();
    await addMemberOnConsent(owner, opened, partner.organizationId, "Kredietbank");
    const result = await graphql<{ transferRegie: CaseData }>(
      transfer,
      {
        input: {
          caseId: opened.id,
          toOrganizationId: partner.organizationId,
          toUserId: partner.id,
          reason: "Afgesproken in het zorgoverleg: schuldregeling loopt via de kredietbank",
        },
      },
      owner.headers,
    );
    expect(result.errors).toBeUndefined();
    const moved = result.data!.transferRegie;
    expect(moved.regieHolder).toMatchObject({
      organization: { id: partner.organizationId },
      user: { id: partner.id },
      decidedBy: { id: owner.id },
      reason: "Afgesproken in het zorgoverleg: schuldregeling loopt via de kredietbank",
    });
    expect(moved.regieHistory.map((r) => r.organization.id)).toEqual([
      owner.organizationId,
      partner.organizationId,
    ]);
    expect(moved.regieHistory[0]!.endedAt).not.toBeNull();
    expect(moved.regieHistory[1]!.endedAt).toBeNull();
  });

  it("goes only to a member of the team, and only to a worker of that organisation", async () => {
    const owner = await loggedInUser();
    const opened = await openCaseAs(owner);
    const stranger = await loggedInUser();
    const notOnTeam = await graphql(
      transfer,
      {
        input: {
          caseId: opened.id,
          toOrganizationId: stranger.organizationId,
          reason: "Overdracht",
        },
      },
      owner.headers,
    );
    expect(notOnTeam.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "toOrganizationId",
    });
    const wrongWorker = await graphql(
      transfer,
      {
        input: {
          caseId: opened.id,
          toOrganizationId: owner.organizationId,
          toUserId: stranger.id,
          reason: "Overdracht",
        },
      },
      owner.headers,
    );
    expect(wrongWorker.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "toUserId",
    });
    const byOutsider = await graphql(
      transfer,
      {
        input: { caseId: opened.id, toOrganizationId: owner.organizationId, reason: "Overdracht" },
      },
      stranger.headers,
    );
    expect(byOutsider.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("has exactly one holder after many concurrent transfers", async () => {
    const owner = await loggedInUser();
    const opened = await openCaseAs(owner);
    const partner = await loggedInUser();
    await addMemberOnConsent(owner, opened, partner.organizationId, "Nazorg");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        graphql(
          transfer,
          {
            input: {
              caseId: opened.id,
              toOrganizationId: index % 2 ? owner.organizationId : partner.organizationId,
              reason: `Overdracht ${index}`,
            },
          },
          owner.headers,
        ),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const rows = (await (
      await database()
    ).query(
      `SELECT started_at, ended_at FROM regie_assignment WHERE case_id = $1 ORDER BY started_at, id`,
      [opened.id],
    )) as Array<{ started_at: Date; ended_at: Date | null }>;
    expect(rows).toHaveLength(21);
    expect(rows.filter((r) => r.ended_at === null)).toHaveLength(1);
    expect(rows.at(-1)!.ended_at).toBeNull();
    // The history never overlaps: each holder's period ends before the next one starts.
    for (let index = 1; index < rows.length; index++) {
      expect(rows[index - 1]!.ended_at!.getTime()).toBeLessThanOrEqual(
        rows[index]!.started_at.getTime(),
      );
    }
  });

  it("is guarded by the database itself: never none, never two", async () => {
    const owner = await loggedInUser();
    const opened = await openCaseAs(owner);
    const db = await database();
    await expect(
      db.transaction((manager) =>
        manager.query("UPDATE regie_assignment SET ended_at = now() WHERE case_id = $1", [
          opened.id,
        ]),
      ),
    ).rejects.toThrow(/no regie holder/);
    await expect(
      db.query(
        `INSERT INTO regie_assignment (case_id, organization_id, decided_by_user_id, reason)
         VALUES ($1, $2, $3, 'Tweede houder')`,
        [opened.id, owner.organizationId, owner.id],
      ),
    ).rejects.toThrow(/regie_assignment_one_current_idx/);
  });
});

describe("phase and access log", () => {
  it("moves a case to nazorg", async () => {
    const owner = await loggedInUser();
    const opened = await openCaseAs(owner);
    const result = await graphql<{ setCasePhase: { phase: string } }>(
      `
        mutation ($id: ID!) {
          setCasePhase(caseId: $id, phase: NAZORG) {
            phase
          }
        }
      `,
      { id: opened.id },
      owner.headers,
    );
    expect(result.data?.setCasePhase.phase).toBe("NAZORG");
  });

  it("shows a beheerder of the case team who accessed the client's data, and nobody else", async () => {
    const worker = await loggedInUser();
    const opened = await openCaseAs(worker);
    const clientId = (
      await graphql<{ case: { client: { id: string } } }>(
        `
          query ($id: ID!) {
            case(id: $id) {
              client {
                id
              }
            }
          }
        `,
        { id: opened.id },
        worker.headers,
      )
    ).data!.case.client.id;
    const accessLog = `query ($id: ID!) { clientAccessLog(clientId: $id) { userName organizationName action objectType basis } }`;

    const beheerder = await loggedInUser({
      organizationId: worker.organizationId,
      roles: ["BEHEERDER"] as never,
    });
    const entries = await graphql<{
      clientAccessLog: Array<{ userName: string; action: string; objectType: string }>;
    }>(accessLog, { id: clientId }, beheerder.headers);
    expect(entries.data!.clientAccessLog.map((e) => `${e.action} ${e.objectType}`)).toEqual(
      expect.arrayContaining(["CREATE CLIENT", "CREATE CASE", "READ CLIENT"]),
    );
    expect(entries.data!.clientAccessLog.every((e) => e.userName === "Test Medewerker")).toBe(true);

    const plainWorker = await graphql(accessLog, { id: clientId }, worker.headers);
    expect(plainWorker.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const otherBeheerder = await loggedInUser({ roles: ["BEHEERDER"] as never });
    const foreign = await graphql(accessLog, { id: clientId }, otherBeheerder.headers);
    expect(foreign.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
