import { describe, expect, it } from "vitest";
import { accessLogDuring } from "../support/access-log.js";
import { graphql } from "../support/api.js";
import { asApplication } from "../support/application-role.js";
import { daysFromToday, meetingAt } from "../support/calendar.js";
import { database } from "../support/factories.js";
import { referralChain, scheduleZorgoverleg, transitionReferral } from "../support/scenarios.js";
import { loggedInUser } from "../support/session.js";

// Withdrawing a consent means no further sharing on it, at once: the organisation it named no
// longer sees the client or later case work, whether it received a referral or sat on the
// team; it may still close its own open referral with an outcome, without seeing the
// question again. The organisation that registered the client keeps its case, and the team
// sees who lost access and why.

type Headers = Record<string, string>;

const withdraw = (headers: Headers, consentId: string) =>
  graphql(
    "mutation ($id: ID!) { withdrawConsent(consentId: $id) { id } }",
    { id: consentId },
    headers,
  );

const referralFields = `id state question handoverSummary lifeDomains contactPreferences outcome
  withheldNote nextSteps { to requires } events { toState note organization { id } }`;
const readReferral = `query ($id: ID!) { referral(id: $id) { ${referralFields} } }`;
const transition = `mutation ($input: ReferralTransitionInput!) {
  transitionReferral(input: $input) { ${referralFields} } }`;

interface ReferralData {
  id: string;
  state: string;
  question: string | null;
  handoverSummary: string | null;
  lifeDomains: string[] | null;
  contactPreferences: string[] | null;
  outcome: string | null;
  withheldNote: string | null;
  nextSteps: Array<{ to: string; requires: string | null }>;
  events: Array<{ toState: string; note: string | null; organization: { id: string } }>;
}

/**
 * A wijkteam case with a kredietbank that accepted a referral (and so sits on the team), a
 * zorgoverleg with an agreement for the kredietbank; `state` is where the referral stands.
 */
async function partnerOnTheTeam(state: "SENT" | "ACCEPTED" | "IN_PROGRESS" = "IN_PROGRESS") {
  const { sender, receiver, caseId, consentId, referral } = await referralChain<{ id: string }>(
    "id",
  );
  await transitionReferral(sender.headers, referral.id, "SENT");
  if (state !== "SENT") await transitionReferral(receiver.headers, referral.id, "ACCEPTED");
  if (state === "IN_PROGRESS") {
    await transitionReferral(receiver.headers, referral.id, "IN_PROGRESS");
  }
  const [{ clientId }] = (await (
    await database()
  ).query('SELECT client_id AS "clientId" FROM care_case WHERE id = $1', [caseId])) as [
    { clientId: string },
  ];
  return { sender, receiver, caseId, clientId, consentId, referralId: referral.id };
}

/** How many rows of the case's data the organisation sees, straight through row-level security. */
async function rowsSeenBy(organizationId: string, caseId: string, clientId: string) {
  const [counts] = await asApplication(organizationId, (manager) =>
    manager.query(
      `SELECT (SELECT count(*) FROM client WHERE id = $2)::int AS client,
              (SELECT count(*) FROM consent WHERE client_id = $2)::int AS consent,
              (SELECT count(*) FROM care_case WHERE id = $1)::int AS "careCase",
              (SELECT count(*) FROM case_member WHERE case_id = $1)::int AS "caseMember",
              (SELECT count(*) FROM regie_assignment WHERE case_id = $1)::int AS regie,
              (SELECT count(*) FROM referral WHERE case_id = $1)::int AS referral,
              (SELECT count(*) FROM referral_event e JOIN referral r ON r.id = e.referral_id
                WHERE r.case_id = $1)::int AS "referralEvent",
              (SELECT count(*) FROM zorgoverleg WHERE case_id = $1)::int AS zorgoverleg,
              (SELECT count(*) FROM access_log WHERE client_id = $2)::int AS "accessLog"`,
      [caseId, clientId],
    ),
  );
  return counts as Record<string, number>;
}

const nothing = {
  client: 0,
  consent: 0,
  careCase: 0,
  caseMember: 0,
  regie: 0,
  referral: 0,
  referralEvent: 0,
  zorgoverleg: 0,
  accessLog: 0,
};

describe("withdrawing a consent", () => {
  it("cuts a team member off at once from the client, the case and later work", async () => {
    const partner = await partnerOnTheTeam("ACCEPTED");
    const { sender, receiver, caseId, clientId } = partner;
    const zorgoverlegId = await scheduleZorgoverleg(sender.headers, caseId, [
      { organizationId: receiver.organizationId, userId: receiver.id },
    ]);
    const caseQuery = `query ($id: ID!) { case(id: $id) { id client { displayName } } }`;
    expect((await graphql(caseQuery, { id: caseId }, receiver.headers)).data?.case).toBeTruthy();

    expect((await withdraw(sender.headers, partner.consentId)).errors).toBeUndefined();

    // Through the API: the case, its client, the zorgoverleg and the lists are gone.
    const after = await graphql<{
      case: unknown;
      zorgoverleg: unknown;
      myCases: Array<{ id: string }>;
    }>(
      `
        query ($id: ID!, $zorgoverleg: ID!) {
          case(id: $id) {
            id
            client {
              displayName
            }
          }
          zorgoverleg(id: $zorgoverleg) {
            id
          }
          myCases {
            id
          }
        }
      `,
      { id: caseId, zorgoverleg: zorgoverlegId },
      receiver.headers,
    );
    expect(after.data).toEqual({ case: null, zorgoverleg: null, myCases: expect.any(Array) });
    expect(after.data!.myCases.map((c) => c.id)).not.toContain(caseId);
    expect(JSON.stringify(after)).not.toContain("M. Yilmaz");
    const schedule = await graphql(
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
          startsAt: meetingAt(5),
          durationMinutes: 30,
          location: "Kantoor",
          clientParticipates: false,
          invitees: [],
        },
      },
      receiver.headers,
    );
    expect(schedule.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");

    // Straight through row-level security: nothing of the case, not even the log.
    expect(await rowsSeenBy(receiver.organizationId, caseId, clientId)).toEqual(nothing);

    // The organisation that registered the client keeps it all, and sees who lost access.
    const team = await graphql<{
      case: {
        client: { displayName: string };
        team: Array<{
          organization: { id: string };
          basis: string;
          hasAccess: boolean;
          workers: Array<{ id: string }>;
        }>;
      };
    }>(
      `
        query ($id: ID!) {
          case(id: $id) {
            client {
              displayName
            }
            team {
              organization {
                id
              }
              basis
              hasAccess
              workers {
                id
              }
            }
          }
        }
      `,
      { id: caseId },
      sender.headers,
    );
    expect(team.data!.case.client.displayName).toBe("M. Yilmaz");
    expect(team.data!.case.team).toEqual([
      expect.objectContaining({ organization: { id: sender.organizationId }, hasAccess: true }),
      {
        organization: { id: receiver.organizationId },
        basis: "CONSENT_WITHDRAWN",
        hasAccess: false,
        workers: [],
      },
    ]);
    // Regie and agreements can no longer go to it.
    const regie = await graphql(
      `
        mutation ($input: TransferRegieInput!) {
          transferRegie(input: $input) {
            id
          }
        }
      `,
      {
        input: { caseId, toOrganizationId: receiver.organizationId, reason: "Overdracht" },
      },
      sender.headers,
    );
    expect(regie.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "toOrganizationId",
    });
  });

  it("leaves the receiver its own referral to close with an outcome, without the question", async () => {
    const { sender, receiver, caseId, clientId, consentId, referralId } =
      await partnerOnTheTeam("IN_PROGRESS");
    await withdraw(sender.headers, consentId);

    let shown: ReferralData | undefined;
    const reads = await accessLogDuring(receiver.id, async () => {
      shown = (
        await graphql<{ referral: ReferralData }>(
          readReferral,
          { id: referralId },
          receiver.headers,
        )
      ).data!.referral;
    });
    expect(shown).toMatchObject({
      id: referralId,
      state: "IN_PROGRESS",
      question: null,
      handoverSummary: null,
      lifeDomains: null,
      contactPreferences: null,
      events: [],
    });
    expect(shown!.withheldNote).toMatch(/ingetrokken.*afsluiten/s);
    expect(shown!.nextSteps.map((step) => step.to).sort()).toEqual([
      "CANCELLED",
      "COMPLETED",
      "FAILED",
    ]);
    expect(reads).toEqual([
      expect.objectContaining({
        action: "READ",
        objectType: "REFERRAL",
        objectId: referralId,
        basis: "OWN_REFERRAL",
      }),
    ]);
    // Still in the inbox, to be closed.
    const inbox = await graphql<{ referralInbox: Array<{ id: string; question: string | null }> }>(
      "{ referralInbox { id question } }",
      {},
      receiver.headers,
    );
    expect(inbox.data!.referralInbox).toContainEqual({ id: referralId, question: null });

    // Any step but closing is refused, in words a worker understands.
    const hold = await graphql(
      transition,
      { input: { referralId, to: "ON_HOLD", expectedState: "IN_PROGRESS" } },
      receiver.headers,
    );
    expect(hold.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(hold.errors?.[0]?.message).toMatch(/toestemming.*afsluiten/s);

    const closed = await graphql<{ transitionReferral: ReferralData }>(
      transition,
      {
        input: {
          referralId,
          to: "COMPLETED",
          expectedState: "IN_PROGRESS",
          note: "Schuldregeling gestart; verder zonder gegevens uit Ketenkaart.",
        },
      },
      receiver.headers,
    );
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.transitionReferral).toMatchObject({ state: "COMPLETED", question: null });

    // The sender gets the outcome back on its timeline; the receiver still sees no row.
    const back = await graphql<{ referral: ReferralData }>(
      readReferral,
      { id: referralId },
      sender.headers,
    );
    expect(back.data!.referral).toMatchObject({
      state: "COMPLETED",
      outcome: "Schuldregeling gestart; verder zonder gegevens uit Ketenkaart.",
      question: "Hulp bij een schuldregeling",
    });
    expect(back.data!.referral.events.at(-1)).toEqual({
      toState: "COMPLETED",
      note: "Schuldregeling gestart; verder zonder gegevens uit Ketenkaart.",
      organization: { id: receiver.organizationId },
    });
    expect(await rowsSeenBy(receiver.organizationId, caseId, clientId)).toEqual(nothing);

    // Closed, it cannot be closed again.
    const again = await graphql(
      transition,
      { input: { referralId, to: "FAILED", note: "Nog eens" } },
      receiver.headers,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("lets the receiver of a referral it had not accepted decline it, not accept it", async () => {
    const { sender, receiver, consentId, referralId } = await partnerOnTheTeam("SENT");
    await withdraw(sender.headers, consentId);
    const accept = await graphql(
      transition,
      { input: { referralId, to: "ACCEPTED" } },
      receiver.headers,
    );
    expect(accept.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const declined = await graphql<{ transitionReferral: ReferralData }>(
      transition,
      { input: { referralId, to: "DECLINED", note: "Toestemming ingetrokken" } },
      receiver.headers,
    );
    expect(declined.data?.transitionReferral.state).toBe("DECLINED");
    // Declined, it leaves the receiver's inbox.
    const inbox = await graphql<{ referralInbox: Array<{ id: string }> }>(
      "{ referralInbox { id } }",
      {},
      receiver.headers,
    );
    expect(inbox.data!.referralInbox.map((r) => r.id)).not.toContain(referralId);
  });

  it("does the same when the consent expires", async () => {
    const { sender, receiver, caseId, consentId } = await partnerOnTheTeam("ACCEPTED");
    await (
      await database()
    ).query("UPDATE consent SET given_on = $2, valid_until = $3 WHERE id = $1", [
      consentId,
      daysFromToday(-30),
      daysFromToday(-1),
    ]);
    const seen = await graphql<{ case: unknown }>(
      `
        query ($id: ID!) {
          case(id: $id) {
            id
          }
        }
      `,
      { id: caseId },
      receiver.headers,
    );
    expect(seen.data?.case).toBeNull();
    const team = await graphql<{ case: { team: Array<{ basis: string }> } }>(
      `
        query ($id: ID!) {
          case(id: $id) {
            team {
              basis
            }
          }
        }
      `,
      { id: caseId },
      sender.headers,
    );
    expect(team.data!.case.team.map((m) => m.basis)).toEqual(["OWN_CLIENT", "CONSENT_EXPIRED"]);
  });

  it("gives the access back on a new consent, without the team adding it again", async () => {
    const { sender, receiver, caseId, clientId, consentId } = await partnerOnTheTeam("ACCEPTED");
    await withdraw(sender.headers, consentId);
    const user = await loggedInUser({ organizationId: receiver.organizationId });
    const read = `query ($id: ID!) { case(id: $id) { id } }`;
    expect((await graphql(read, { id: caseId }, user.headers)).data?.case).toBeNull();
    await graphql(
      `
        mutation ($clientId: ID!, $input: ConsentInput!) {
          recordConsent(clientId: $clientId, input: $input) {
            id
          }
        }
      `,
      {
        clientId,
        input: {
          recipientOrganizationIds: [receiver.organizationId],
          purpose: "Opnieuw: schuldregeling",
          dataCategories: ["HULPVRAAG"],
          method: "SCHRIFTELIJK",
          givenOn: daysFromToday(0),
          validUntil: daysFromToday(90),
        },
      },
      sender.headers,
    );
    expect((await graphql(read, { id: caseId }, user.headers)).data?.case).toEqual({ id: caseId });
  });
});
