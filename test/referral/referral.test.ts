import { describe, expect, it } from "vitest";
import { amsterdamInstant, workingDays, workingDaysFromToday } from "../support/calendar.js";
import { graphql } from "../support/api.js";
import { database } from "../support/factories.js";
import { loggedInUser } from "../support/session.js";
import { type ChainOptions, referralChain } from "../support/scenarios.js";

const referralFields = `
  id state question urgency sentAt receivedAt responseDueAt intakeDueAt introductionAt outcome caseId
  isResponseOverdue isIntakeOverdue receiver { id } sender { id }
  events { fromState toState note user { id } organization { id } }`;
const transition = `mutation ($input: ReferralTransitionInput!) { transitionReferral(input: $input) { ${referralFields} } }`;
const readReferral = `query ($id: ID!) { referral(id: $id) { ${referralFields} } }`;

interface ReferralData {
  id: string;
  state: string;
  sentAt: string | null;
  receivedAt: string | null;
  responseDueAt: string | null;
  intakeDueAt: string | null;
  outcome: string | null;
  events: Array<{
    fromState: string | null;
    toState: string;
    note: string | null;
    user: { id: string };
  }>;
}

type Headers = Record<string, string>;

/** A wijkteam case, a partner's offering and consent for it, and a draft referral to it. */
const chain = (options: ChainOptions = {}) => referralChain<ReferralData>(referralFields, options);

async function move(
  headers: Headers,
  referralId: string,
  to: string,
  extra: Record<string, unknown> = {},
) {
  return graphql<{ transitionReferral: ReferralData }>(
    transition,
    { input: { referralId, to, ...extra } },
    headers,
  );
}

describe("a warm handover from start to outcome", () => {
  it("goes draft, sent, received, accepted, introduced, in progress and completed, with a timeline", async () => {
    const { sender, receiver, caseId, referral } = await chain();
    expect(referral.state).toBe("DRAFT");
    expect(
      (await graphql<{ referral: null }>(readReferral, { id: referral.id }, receiver.headers)).data!
        .referral,
    ).toBeNull();

    const sent = await move(sender.headers, referral.id, "SENT");
    expect(sent.data!.transitionReferral).toMatchObject({ state: "SENT", receivedAt: null });
    const inbox = await graphql<{ referralInbox: Array<{ id: string }> }>(
      `
        {
          referralInbox {
            id
          }
        }
      `,
      {},
      receiver.headers,
    );
    expect(inbox.data!.referralInbox.map((r) => r.id)).toContain(referral.id);

    const opened = await graphql<{ referral: ReferralData }>(
      readReferral,
      { id: referral.id },
      receiver.headers,
    );
    expect(opened.data!.referral.receivedAt).not.toBeNull();
    // Not on the case team yet: the case itself stays closed until the receiver accepts.
    const caseBefore = await graphql<{ case: null }>(
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
    expect(caseBefore.data!.case).toBeNull();

    expect(
      (await move(receiver.headers, referral.id, "ACCEPTED")).data!.transitionReferral.state,
    ).toBe("ACCEPTED");
    const caseAfter = await graphql<{ case: { team: Array<{ organization: { id: string } }> } }>(
      `
        query ($id: ID!) {
          case(id: $id) {
            team {
              organization {
                id
              }
            }
          }
        }
      `,
      { id: caseId },
      receiver.headers,
    );
    expect(caseAfter.data!.case.team.map((m) => m.organization.id)).toContain(
      receiver.organizationId,
    );

    // After the referral was sent and within the norm for the introduction.
    const introductionAt = amsterdamInstant(workingDaysFromToday(3), "10:00");
    expect(
      (await move(sender.headers, referral.id, "INTRO_PLANNED", { introductionAt })).data!
        .transitionReferral.state,
    ).toBe("INTRO_PLANNED");
    await move(receiver.headers, referral.id, "IN_PROGRESS");
    const completed = await move(receiver.headers, referral.id, "COMPLETED", {
      note: "Schuldregeling gestart per 1 december",
    });
    expect(completed.data!.transitionReferral).toMatchObject({
      state: "COMPLETED",
      outcome: "Schuldregeling gestart per 1 december",
    });
    expect(completed.data!.transitionReferral.events.map((e) => [e.fromState, e.toState])).toEqual([
      [null, "DRAFT"],
      ["DRAFT", "SENT"],
      ["SENT", "ACCEPTED"],
      ["ACCEPTED", "INTRO_PLANNED"],
      ["INTRO_PLANNED", "IN_PROGRESS"],
      ["IN_PROGRESS", "COMPLETED"],
    ]);
  });

  it("is declined only with a reason, which the sender gets back", async () => {
    const { sender, receiver, referral } = await chain();
    await move(sender.headers, referral.id, "SENT");
    const withoutReason = await move(receiver.headers, referral.id, "DECLINED");
    expect(withoutReason.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "note",
    });
    await move(receiver.headers, referral.id, "DECLINED", {
      note: "Geen plek: wachtlijst tot maart",
    });
    const seen = await graphql<{ referral: ReferralData }>(
      readReferral,
      { id: referral.id },
      sender.headers,
    );
    expect(seen.data!.referral.state).toBe("DECLINED");
    expect(seen.data!.referral.events.at(-1)!.note).toBe("Geen plek: wachtlijst tot maart");
  });
});

describe("the rules of the handover", () => {
  it("refuses sending without a consent for the receiving organisation", async () => {
    const { sender, referral } = await chain({ consentFor: "other" });
    const result = await move(sender.headers, referral.id, "SENT");
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "consentId",
    });
  });

  it("refuses transitions that do not exist and steps that are the other side's", async () => {
    const { sender, receiver, referral } = await chain();
    await move(sender.headers, referral.id, "SENT");
    const skip = await move(receiver.headers, referral.id, "COMPLETED", { note: "Klaar" });
    expect(skip.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
    expect(skip.errors?.[0]?.message).toMatch(/Verstuurd.*Afgerond/);
    const senderAccepts = await move(sender.headers, referral.id, "ACCEPTED");
    expect(senderAccepts.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const outsider = await loggedInUser();
    const stranger = await move(outsider.headers, referral.id, "CANCELLED", { note: "Weg ermee" });
    expect(stranger.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("tells each side which steps it can take now", async () => {
    const { sender, receiver, referral } = await chain();
    await move(sender.headers, referral.id, "SENT");
    const steps = `query ($id: ID!) { referral(id: $id) { nextSteps { to requires } } }`;
    const forReceiver = await graphql<{
      referral: { nextSteps: Array<{ to: string; requires: string | null }> };
    }>(steps, { id: referral.id }, receiver.headers);
    expect(forReceiver.data!.referral.nextSteps).toEqual([
      { to: "ACCEPTED", requires: null },
      { to: "DECLINED", requires: "reason" },
      { to: "ON_HOLD", requires: null },
      { to: "CANCELLED", requires: "reason" },
    ]);
    const forSender = await graphql<{ referral: { nextSteps: Array<{ to: string }> } }>(
      steps,
      { id: referral.id },
      sender.headers,
    );
    expect(forSender.data!.referral.nextSteps.map((step) => step.to)).toEqual(["CANCELLED"]);
  });

  it("lets exactly one of many simultaneous accepts win", async () => {
    const { sender, receiver, referral } = await chain();
    await move(sender.headers, referral.id, "SENT");
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        move(receiver.headers, referral.id, "ACCEPTED", { expectedState: "SENT" }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === "CONFLICT")).toHaveLength(9);
    const events = (await (
      await database()
    ).query(
      "SELECT count(*)::int AS n FROM referral_event WHERE referral_id = $1 AND to_state = 'ACCEPTED'",
      [referral.id],
    )) as Array<{ n: number }>;
    expect(events[0]!.n).toBe(1);
  });

  it("cuts the receiver off when the client withdraws consent, but for closing its referral", async () => {
    const { sender, receiver, referral, consentId } = await chain();
    await move(sender.headers, referral.id, "SENT");
    await graphql(
      `
        mutation ($id: ID!) {
          withdrawConsent(consentId: $id) {
            id
          }
        }
      `,
      { id: consentId },
      sender.headers,
    );
    // Only what declining it needs: no question, no timeline (test/case/consent-withdrawal.test.ts).
    const seen = (
      await graphql<{ referral: ReferralData & { question: string | null } }>(
        readReferral,
        { id: referral.id },
        receiver.headers,
      )
    ).data!.referral;
    expect(seen).toMatchObject({ state: "SENT", question: null, events: [] });
    const steps = await graphql<{ referral: { nextSteps: Array<{ to: string }> } }>(
      `
        query ($id: ID!) {
          referral(id: $id) {
            nextSteps {
              to
            }
          }
        }
      `,
      { id: referral.id },
      receiver.headers,
    );
    expect(steps.data!.referral.nextSteps.map((step) => step.to)).toEqual([
      "DECLINED",
      "CANCELLED",
    ]);
  });
});

describe("response norms", () => {
  it("gives 2 working days to respond and 10 to plan the intake; a crisis 1", async () => {
    for (const [urgency, days] of [
      ["NORMAAL", 2],
      ["CRISIS", 1],
    ] as const) {
      const { sender, referral } = await chain({ urgency });
      const sent = (await move(sender.headers, referral.id, "SENT")).data!.transitionReferral;
      const sentAt = new Date(sent.sentAt!);
      expect(sent.responseDueAt).toBe(workingDays.deadline(sentAt, days).toISOString());
      expect(sent.intakeDueAt).toBe(workingDays.deadline(sentAt, 10).toISOString());
    }
  });

  it("logs every read of the receiver on the basis of the consent", async () => {
    const { sender, receiver, referral, consentId } = await chain();
    await move(sender.headers, referral.id, "SENT");
    await graphql(readReferral, { id: referral.id }, receiver.headers);
    const log = (await (
      await database()
    ).query(
      "SELECT basis FROM access_log WHERE object_id = $1 AND user_id = $2 AND action = 'READ'",
      [referral.id, receiver.id],
    )) as Array<{ basis: string }>;
    expect(log).toEqual([{ basis: `CONSENT:${consentId}` }]);
  });
});

describe("every transition, tried by both sides", () => {
  // The referral state machine, written out as the workers know it: each line is a step that
  // is allowed, and who may take it. Every other (from, to, side) must be refused.
  const allowedSteps = [
    "DRAFT → SENT by sender",
    "DRAFT → CANCELLED by sender",
    "SENT → ACCEPTED by receiver",
    "SENT → DECLINED by receiver",
    "SENT → ON_HOLD by receiver",
    "SENT → CANCELLED by sender",
    "SENT → CANCELLED by receiver",
    "ACCEPTED → INTRO_PLANNED by sender",
    "ACCEPTED → INTRO_PLANNED by receiver",
    "ACCEPTED → IN_PROGRESS by receiver",
    "ACCEPTED → ON_HOLD by receiver",
    "ACCEPTED → CANCELLED by sender",
    "ACCEPTED → CANCELLED by receiver",
    "INTRO_PLANNED → INTRO_PLANNED by sender",
    "INTRO_PLANNED → INTRO_PLANNED by receiver",
    "INTRO_PLANNED → IN_PROGRESS by receiver",
    "INTRO_PLANNED → ON_HOLD by receiver",
    "INTRO_PLANNED → CANCELLED by sender",
    "INTRO_PLANNED → CANCELLED by receiver",
    "IN_PROGRESS → COMPLETED by receiver",
    "IN_PROGRESS → FAILED by receiver",
    "IN_PROGRESS → ON_HOLD by receiver",
    "IN_PROGRESS → CANCELLED by sender",
    "IN_PROGRESS → CANCELLED by receiver",
    "ON_HOLD → ACCEPTED by receiver",
    "ON_HOLD → IN_PROGRESS by receiver",
    "ON_HOLD → CANCELLED by sender",
    "ON_HOLD → CANCELLED by receiver",
  ];
  const states = [
    "DRAFT",
    "SENT",
    "ACCEPTED",
    "DECLINED",
    "INTRO_PLANNED",
    "IN_PROGRESS",
    "COMPLETED",
    "FAILED",
    "ON_HOLD",
    "CANCELLED",
  ];
  // How a referral gets into each state: the steps from DRAFT.
  const pathTo: Record<string, Array<[side: "sender" | "receiver", to: string]>> = {
    DRAFT: [],
    SENT: [["sender", "SENT"]],
    ACCEPTED: [
      ["sender", "SENT"],
      ["receiver", "ACCEPTED"],
    ],
    DECLINED: [
      ["sender", "SENT"],
      ["receiver", "DECLINED"],
    ],
    ON_HOLD: [
      ["sender", "SENT"],
      ["receiver", "ON_HOLD"],
    ],
    INTRO_PLANNED: [
      ["sender", "SENT"],
      ["receiver", "ACCEPTED"],
      ["sender", "INTRO_PLANNED"],
    ],
    IN_PROGRESS: [
      ["sender", "SENT"],
      ["receiver", "ACCEPTED"],
      ["receiver", "IN_PROGRESS"],
    ],
    COMPLETED: [
      ["sender", "SENT"],
      ["receiver", "ACCEPTED"],
      ["receiver", "IN_PROGRESS"],
      ["receiver", "COMPLETED"],
    ],
    FAILED: [
      ["sender", "SENT"],
      ["receiver", "ACCEPTED"],
      ["receiver", "IN_PROGRESS"],
      ["receiver", "FAILED"],
    ],
    CANCELLED: [["sender", "CANCELLED"]],
  };
  // Whatever a step may require (a reason, an outcome, a date) is given, so only the state
  // machine decides.
  const everything = {
    note: "Toelichting bij deze stap",
    introductionAt: "2099-03-02T10:00:00.000Z",
  };

  async function referralIn(state: string) {
    const setup = await chain();
    const sides = { sender: setup.sender.headers, receiver: setup.receiver.headers };
    for (const [side, to] of pathTo[state]!) {
      const step = await move(sides[side], setup.referral.id, to, everything);
      if (step.errors) throw new Error(`${state}: ${JSON.stringify(step.errors)}`);
    }
    return { id: setup.referral.id, sides };
  }

  it.each(states)("from %s allows exactly the listed steps to the listed side", async (from) => {
    const refused = await referralIn(from);
    for (const to of states) {
      for (const side of ["sender", "receiver"] as const) {
        const label = `${from} → ${to} by ${side}`;
        if (allowedSteps.includes(label)) {
          // An allowed step changes the referral, so it gets one of its own.
          const fresh = await referralIn(from);
          const result = await move(fresh.sides[side], fresh.id, to, everything);
          expect(
            result.data?.transitionReferral.state,
            `${label}: ${JSON.stringify(result.errors)}`,
          ).toBe(to);
        } else {
          const result = await move(refused.sides[side], refused.id, to, everything);
          expect(result.data?.transitionReferral ?? null, label).toBeNull();
          // A draft does not exist for the receiver; a step to the state the referral is
          // already in means someone else was first.
          const codes =
            from === "DRAFT" && side === "receiver"
              ? ["NOT_FOUND"]
              : to === from
                ? ["CONFLICT"]
                : ["BAD_USER_INPUT", "FORBIDDEN"];
          expect(codes, label).toContain(result.errors?.[0]?.extensions?.code);
        }
      }
    }
    const unchanged = await graphql<{ referral: { state: string } }>(
      readReferral,
      { id: refused.id },
      refused.sides.sender,
    );
    expect(unchanged.data!.referral.state).toBe(from);
  });
});
