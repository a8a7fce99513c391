import type { EntityManager } from "typeorm";
import { describe, expect, it } from "vitest";
import { graphql } from "../support/api.js";
import { asApplication } from "../support/application-role.js";
import { buildOrganization, buildUser, database } from "../support/factories.js";
import { openCase } from "../support/nazorg.js";
import { recordConsent, referralChain, transitionReferral } from "../support/scenarios.js";
import { loggedInUser } from "../support/session.js";

// Every way an organisation gets onto a case team rests on the client's consent for it (or on
// the client being its own), and being on a team shows the team only the other organisations'
// contact persons on the case, not their accounts.

const addMember = `mutation ($caseId: ID!, $organizationId: ID!, $role: String!) {
  addCaseMember(caseId: $caseId, organizationId: $organizationId, role: $role) {
    team { role organization { id } basis hasAccess } } }`;

const readCase = `query ($id: ID!) { case(id: $id) { id client { displayName } } }`;

const readTeam = `query ($id: ID!) { case(id: $id) {
  team { organization { id } basis hasAccess workers { id name email roles } } } }`;

interface TeamData {
  case: {
    team: Array<{
      organization: { id: string };
      basis: string;
      hasAccess: boolean;
      workers: Array<{ id: string; name: string; email: string; roles: string[] }>;
    }>;
  } | null;
}

async function teamRows(caseId: string) {
  return (await (
    await database()
  ).query("SELECT organization_id FROM case_member WHERE case_id = $1 ORDER BY joined_at", [
    caseId,
  ])) as Array<{ organization_id: string }>;
}

describe("joining a case team", () => {
  it("adds another organisation only on the client's consent that covers the question for help", async () => {
    const owner = await loggedInUser();
    const { caseId, clientId } = await openCase(owner.headers, "T. Toestemming");
    const partner = await loggedInUser();

    const without = await graphql(
      addMember,
      { caseId, organizationId: partner.organizationId, role: "Meekijken" },
      owner.headers,
    );
    expect(without.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "organizationId",
    });
    expect(without.errors?.[0]?.message).toMatch(/toestemming/);
    expect(without.errors?.[0]?.message).not.toMatch(/organizationId/);

    // Contact details only share no case: the team's work is about the question for help.
    await recordConsent(owner.headers, clientId, [partner.organizationId], {
      dataCategories: ["CONTACTGEGEVENS"],
    });
    const contactOnly = await graphql(
      addMember,
      { caseId, organizationId: partner.organizationId, role: "Meekijken" },
      owner.headers,
    );
    expect(contactOnly.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await teamRows(caseId)).toEqual([{ organization_id: owner.organizationId }]);
    expect((await graphql(readCase, { id: caseId }, partner.headers)).data?.case).toBeNull();

    await recordConsent(owner.headers, clientId, [partner.organizationId]);
    const added = await graphql<{
      addCaseMember: { team: Array<{ organization: { id: string }; basis: string }> };
    }>(
      addMember,
      { caseId, organizationId: partner.organizationId, role: "Kredietbank" },
      owner.headers,
    );
    expect(added.errors).toBeUndefined();
    expect(added.data!.addCaseMember.team).toEqual([
      {
        role: "Schuldhulpverlening",
        organization: { id: owner.organizationId },
        basis: "OWN_CLIENT",
        hasAccess: true,
      },
      {
        role: "Kredietbank",
        organization: { id: partner.organizationId },
        basis: "CONSENT",
        hasAccess: true,
      },
    ]);
    const seen = await graphql<{ case: { client: { displayName: string } } }>(
      readCase,
      { id: caseId },
      partner.headers,
    );
    expect(seen.data?.case?.client.displayName).toBe("T. Toestemming");
  });

  it("needs no consent for the organisation's own client: it may change its own role", async () => {
    const owner = await loggedInUser();
    const { caseId } = await openCase(owner.headers);
    const result = await graphql<{
      addCaseMember: { team: Array<{ role: string; basis: string }> };
    }>(
      addMember,
      { caseId, organizationId: owner.organizationId, role: "Casusregie" },
      owner.headers,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.addCaseMember.team).toEqual([
      expect.objectContaining({ role: "Casusregie", basis: "OWN_CLIENT" }),
    ]);
  });

  it("is refused by the database itself without consent, whoever asks", async () => {
    const owner = await loggedInUser();
    const { caseId, clientId } = await openCase(owner.headers);
    const stranger = await buildOrganization();
    const join = (manager: EntityManager) =>
      manager.query(
        "INSERT INTO case_member (case_id, organization_id, role) VALUES ($1, $2, $3)",
        [caseId, stranger, "Meekijken"],
      );

    // A member adding it, and the organisation adding itself.
    await expect(asApplication(owner.organizationId, join)).rejects.toThrow(
      /row-level security policy for table "case_member"/,
    );
    await expect(asApplication(stranger, join)).rejects.toThrow(/row-level security/);
    expect(await teamRows(caseId)).toEqual([{ organization_id: owner.organizationId }]);

    // Regie cannot go to an organisation that may not be on the team either.
    const db = await database();
    await db.query("INSERT INTO case_member (case_id, organization_id, role) VALUES ($1, $2, $3)", [
      caseId,
      stranger,
      "Zonder toestemming",
    ]);
    await expect(
      asApplication(owner.organizationId, (manager) =>
        manager.query(
          `INSERT INTO regie_assignment (case_id, organization_id, decided_by_user_id, reason)
           VALUES ($1, $2, $3, 'Overdracht')`,
          [caseId, stranger, owner.id],
        ),
      ),
    ).rejects.toThrow(/row-level security policy for table "regie_assignment"/);
    // A member row without a basis gives the organisation nothing.
    expect(
      await asApplication(stranger, async (manager) =>
        manager.query(
          `SELECT (SELECT count(*) FROM care_case WHERE id = $1)::int AS cases,
                  (SELECT count(*) FROM client WHERE id = $2)::int AS clients,
                  (SELECT count(*) FROM case_member WHERE case_id = $1)::int AS members`,
          [caseId, clientId],
        ),
      ),
    ).toEqual([{ cases: 0, clients: 0, members: 0 }]);

    // With the client's consent, the member may add it.
    await recordConsent(owner.headers, clientId, [stranger]);
    const other = await buildOrganization();
    await recordConsent(owner.headers, clientId, [other]);
    await asApplication(owner.organizationId, (manager) =>
      manager.query(
        "INSERT INTO case_member (case_id, organization_id, role) VALUES ($1, $2, $3)",
        [caseId, other, "Op toestemming"],
      ),
    );
    expect((await teamRows(caseId)).map((row) => row.organization_id)).toContain(other);
  });
});

describe("other organisations' accounts through the team", () => {
  it("are only the contact persons on the case, without their roles", async () => {
    const { sender, receiver, referral } = await referralChain<{ id: string }>("id");
    // The receiving organisation has more accounts than the one who handles the case.
    const colleague = await buildUser({
      organizationId: receiver.organizationId,
      name: "Collega Niet Betrokken",
    });
    const beheerder = await buildUser({
      organizationId: receiver.organizationId,
      roles: ["BEHEERDER"] as never,
    });
    await transitionReferral(sender.headers, referral.id, "SENT");
    await transitionReferral(receiver.headers, referral.id, "ACCEPTED");
    const { caseId } = (
      await (
        await database()
      ).query('SELECT case_id AS "caseId" FROM referral WHERE id = $1', [referral.id])
    )[0] as {
      caseId: string;
    };

    const seenBySender = (await graphql<TeamData>(readTeam, { id: caseId }, sender.headers)).data!
      .case!.team;
    const partnerMember = seenBySender.find((m) => m.organization.id === receiver.organizationId)!;
    expect(partnerMember.basis).toBe("CONSENT");
    // The worker who accepted the referral, not the colleague or the beheerder.
    expect(partnerMember.workers.map((w) => w.id)).toEqual([receiver.id]);
    expect(partnerMember.workers[0]!.roles).toEqual([]);
    const ownMember = seenBySender.find((m) => m.organization.id === sender.organizationId)!;
    expect(ownMember.workers.map((w) => w.id)).toContain(sender.id);
    expect(ownMember.workers[0]!.roles.length).toBeGreaterThan(0);

    // The receiver sees all of its own workers.
    const seenByReceiver = (await graphql<TeamData>(readTeam, { id: caseId }, receiver.headers))
      .data!.case!.team;
    expect(
      seenByReceiver
        .find((m) => m.organization.id === receiver.organizationId)!
        .workers.map((w) => w.id)
        .sort(),
    ).toEqual([receiver.id, colleague.id, beheerder.id].sort());
  });
});
