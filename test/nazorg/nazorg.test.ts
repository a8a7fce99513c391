import { daysFromToday, today } from "../support/calendar.js";
import { describe, expect, it } from "vitest";
import { graphql } from "../support/api.js";
import { buildOrganization, buildUser, database } from "../support/factories.js";
import { scheduleZorgoverleg } from "../support/scenarios.js";
import { loggedInUser } from "../support/session.js";
import {
  caseWithPlan,
  createPlan,
  openCase,
  planFields,
  type PlanData,
  registerContact,
  sendReferral,
} from "../support/nazorg.js";

const readCase = `query ($id: ID!) {
  case(id: $id) {
    id phase
    nazorgPlan { ${planFields} }
    relapseRisk { since clearedOn followUpNeeded raisedBy { id inBalance } }
    relapseRiskHistory { since clearedOn followUpNeeded raisedBy { id } clearedBy { id inBalance } }
  }
}`;

interface CaseData {
  phase: string;
  nazorgPlan: PlanData | null;
  relapseRisk: {
    since: string;
    clearedOn: string | null;
    followUpNeeded: boolean;
    raisedBy: { id: string; inBalance: string };
  } | null;
  relapseRiskHistory: Array<{
    since: string;
    clearedOn: string | null;
    followUpNeeded: boolean;
    clearedBy: { id: string; inBalance: string } | null;
  }>;
}

async function caseOf(headers: Record<string, string>, id: string) {
  const result = await graphql<{ case: CaseData | null }>(readCase, { id }, headers);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.case;
}

async function planRows(caseId: string) {
  return (await (
    await database()
  ).query("SELECT id FROM nazorg_plan WHERE case_id = $1", [caseId])) as unknown[];
}

describe("a nazorg plan", () => {
  it("lasts 12 months with contacts after 3, 6 and 12 months, and moves the case to nazorg", async () => {
    const worker = await loggedInUser();
    const { caseId } = await openCase(worker.headers);
    const created = await createPlan(worker.headers, {
      caseId,
      // The end of January: PostgreSQL's month arithmetic keeps the last day of each month.
      trajectoryEndedOn: "2026-01-31",
      responsibleOrganizationId: worker.organizationId,
      responsibleUserId: worker.id,
      paletteLevel: "A7",
      clientWishes: "Liever WhatsApp dan bellen",
    });
    const plan = created.data!.createNazorgPlan;
    expect(plan).toMatchObject({
      status: "ACTIVE",
      startsOn: "2026-01-31",
      durationMonths: 12,
      endsOn: "2027-01-31",
      paletteLevel: "A7",
      clientWishes: "Liever WhatsApp dan bellen",
      responsibleOrganization: { id: worker.organizationId },
      responsibleUser: { id: worker.id },
    });
    expect(plan.contacts.map((c) => c.plannedOn)).toEqual([
      "2026-04-30",
      "2026-07-31",
      "2027-01-31",
    ]);
    expect((await caseOf(worker.headers, caseId))!.phase).toBe("NAZORG");
  });

  it("lasts 24 months from the credit after a saneringskrediet, with contacts up to 24 months", async () => {
    const worker = await loggedInUser();
    const { caseId } = await openCase(worker.headers);
    const plan = (
      await createPlan(worker.headers, {
        caseId,
        trajectoryEndedOn: "2026-02-01",
        saneringskrediet: true,
        creditGrantedOn: "2025-08-15",
        responsibleOrganizationId: worker.organizationId,
      })
    ).data!.createNazorgPlan;
    expect(plan).toMatchObject({
      saneringskrediet: true,
      creditGrantedOn: "2025-08-15",
      startsOn: "2025-08-15",
      durationMonths: 24,
      endsOn: "2027-08-15",
      responsibleUser: null,
    });
    expect(plan.contacts.map((c) => c.plannedOn)).toEqual([
      "2025-11-15",
      "2026-02-15",
      "2026-08-15",
      "2027-02-15",
      "2027-08-15",
    ]);
  });

  it("refuses bad input naming the field, and writes nothing", async () => {
    const worker = await loggedInUser();
    const colleagueElsewhere = await buildUser();
    const outsider = await buildOrganization();
    const { caseId } = await openCase(worker.headers);
    const base = {
      caseId,
      trajectoryEndedOn: today(),
      responsibleOrganizationId: worker.organizationId,
    };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, saneringskrediet: true }, "creditGrantedOn"],
      [{ ...base, trajectoryEndedOn: null }, "trajectoryEndedOn"],
      [{ ...base, trajectoryEndedOn: "31-01-2026" }, "trajectoryEndedOn"],
      [{ ...base, responsibleOrganizationId: outsider }, "responsibleOrganizationId"],
      [{ ...base, responsibleUserId: colleagueElsewhere.id }, "responsibleUserId"],
      [{ ...base, durationMonths: 0 }, "durationMonths"],
      [{ ...base, clientWishes: "x".repeat(2001) }, "clientWishes"],
    ];
    for (const [input, field] of cases) {
      const refused = await createPlan(worker.headers, input);
      expect(refused.errors?.[0]?.extensions, field).toMatchObject({
        code: "BAD_USER_INPUT",
        field,
      });
      expect(refused.errors![0]!.message).not.toContain(`'${field}'`);
    }
    expect(await planRows(caseId)).toHaveLength(0);
    expect((await caseOf(worker.headers, caseId))!.phase).toBe("ONTWIKKELING");

    const twice = await caseWithPlan(worker);
    const again = await createPlan(worker.headers, { ...base, caseId: twice.caseId });
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });

  it("keeps extending, intensifying and shortening as history, each with a reason", async () => {
    const worker = await loggedInUser();
    const { plan } = await caseWithPlan(worker, "2026-01-10");
    const adjust = (input: Record<string, unknown>) =>
      graphql<{ adjustNazorgPlan: PlanData }>(
        `mutation ($input: AdjustNazorgPlanInput!) { adjustNazorgPlan(input: $input) { ${planFields} } }`,
        { input: { planId: plan.id, ...input } },
        worker.headers,
      );

    const noReason = await adjust({ kind: "EXTEND", durationMonths: 18, reason: "" });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ field: "reason" });
    const notLonger = await adjust({ kind: "EXTEND", durationMonths: 6, reason: "Wens inwoner" });
    expect(notLonger.errors?.[0]?.extensions).toMatchObject({ field: "durationMonths" });

    const extended = (
      await adjust({ kind: "EXTEND", durationMonths: 18, reason: "Inwoner wil langer contact" })
    ).data!.adjustNazorgPlan;
    expect(extended).toMatchObject({ durationMonths: 18, endsOn: "2027-07-10" });
    expect(extended.contacts.map((c) => c.plannedOn)).toEqual([
      "2026-04-10",
      "2026-07-10",
      "2027-01-10",
      "2027-07-10",
    ]);

    const sameLevel = await adjust({ kind: "INTENSIFY", paletteLevel: "A1", reason: "Meer" });
    expect(sameLevel.errors?.[0]?.extensions).toMatchObject({ field: "paletteLevel" });
    const intensified = (
      await adjust({
        kind: "INTENSIFY",
        paletteLevel: "A3",
        addPlannedOn: ["2026-05-10"],
        reason: "Nieuwe baan: huisbezoek erbij",
      })
    ).data!.adjustNazorgPlan;
    expect(intensified.paletteLevel).toBe("A3");
    expect(intensified.contacts.map((c) => c.plannedOn)).toContain("2026-05-10");

    const shortened = (
      await adjust({ kind: "SHORTEN", durationMonths: 6, reason: "Gaat goed, inwoner wil stoppen" })
    ).data!.adjustNazorgPlan;
    expect(shortened).toMatchObject({ durationMonths: 6, endsOn: "2026-07-10" });
    expect(shortened.contacts.map((c) => c.plannedOn)).toEqual([
      "2026-04-10",
      "2026-05-10",
      "2026-07-10",
    ]);
    expect(shortened.adjustments).toEqual([
      expect.objectContaining({
        kind: "EXTEND",
        previousDurationMonths: 12,
        newDurationMonths: 18,
        reason: "Inwoner wil langer contact",
        decidedBy: { id: worker.id },
      }),
      expect.objectContaining({
        kind: "INTENSIFY",
        previousPaletteLevel: "A1",
        newPaletteLevel: "A3",
      }),
      expect.objectContaining({
        kind: "SHORTEN",
        previousDurationMonths: 18,
        newDurationMonths: 6,
      }),
    ]);
  });

  it("lets planned moments be added, moved and removed, but keeps held contacts", async () => {
    const worker = await loggedInUser();
    const { plan } = await caseWithPlan(worker, "2026-01-10");
    const [first, second] = plan.contacts;
    const planned = await graphql<{ planNazorgContact: PlanData }>(
      `mutation ($planId: ID!, $on: String!) { planNazorgContact(planId: $planId, plannedOn: $on) { ${planFields} } }`,
      { planId: plan.id, on: "2026-03-01" },
      worker.headers,
    );
    expect(planned.data!.planNazorgContact.contacts.map((c) => c.plannedOn)).toEqual([
      "2026-03-01",
      "2026-04-10",
      "2026-07-10",
      "2027-01-10",
    ]);
    const moved = await graphql<{ moveNazorgContact: PlanData }>(
      `mutation ($id: ID!, $on: String!) { moveNazorgContact(contactId: $id, plannedOn: $on) { ${planFields} } }`,
      { id: second!.id, on: "2026-08-01" },
      worker.headers,
    );
    expect(moved.data!.moveNazorgContact.contacts.map((c) => c.plannedOn)).toEqual([
      "2026-03-01",
      "2026-04-10",
      "2026-08-01",
      "2027-01-10",
    ]);
    const badDate = await graphql(
      `
        mutation ($id: ID!) {
          moveNazorgContact(contactId: $id, plannedOn: "morgen") {
            id
          }
        }
      `,
      { id: second!.id },
      worker.headers,
    );
    expect(badDate.errors?.[0]?.extensions).toMatchObject({ field: "plannedOn" });

    await registerContact(worker.headers, {
      planId: plan.id,
      contactId: first!.id,
      heldOn: today(),
      inBalance: "YES",
    });
    const removeHeld = await graphql(
      `
        mutation ($id: ID!) {
          removeNazorgContact(contactId: $id) {
            id
          }
        }
      `,
      { id: first!.id },
      worker.headers,
    );
    expect(removeHeld.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const removed = await graphql<{ removeNazorgContact: PlanData }>(
      `mutation ($id: ID!) { removeNazorgContact(contactId: $id) { ${planFields} } }`,
      { id: second!.id },
      worker.headers,
    );
    expect(removed.data!.removeNazorgContact.contacts.map((c) => c.plannedOn)).toEqual([
      "2026-03-01",
      "2026-04-10",
      "2027-01-10",
    ]);
  });

  it("records that nazorg is not feasible only with a reason", async () => {
    const worker = await loggedInUser();
    const { caseId } = await openCase(worker.headers);
    const notFeasible = (reason: string) =>
      graphql<{ recordNazorgNotFeasible: PlanData }>(
        `mutation ($caseId: ID!, $reason: String!) { recordNazorgNotFeasible(caseId: $caseId, reason: $reason) { ${planFields} } }`,
        { caseId, reason },
        worker.headers,
      );
    const withoutReason = await notFeasible("  ");
    expect(withoutReason.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "reason",
    });
    expect(await planRows(caseId)).toHaveLength(0);

    const recorded = (await notFeasible("Inwoner verhuist naar het buitenland")).data!
      .recordNazorgNotFeasible;
    expect(recorded).toMatchObject({
      status: "NOT_FEASIBLE",
      notFeasibleReason: "Inwoner verhuist naar het buitenland",
      contacts: [],
    });
    expect((await caseOf(worker.headers, caseId))!.nazorgPlan?.status).toBe("NOT_FEASIBLE");
    const contact = await registerContact(worker.headers, {
      planId: recorded.id,
      heldOn: today(),
      inBalance: "YES",
    });
    expect(contact.errors?.[0]?.extensions).toMatchObject({ field: "planId" });
  });

  it("is not found for organisations outside the case team, nested fields included", async () => {
    const worker = await loggedInUser();
    const outsider = await loggedInUser();
    const { caseId, plan } = await caseWithPlan(worker);
    const contactId = plan.contacts[0]!.id;
    const attempts = [
      createPlan(outsider.headers, {
        caseId,
        trajectoryEndedOn: today(),
        responsibleOrganizationId: outsider.organizationId,
      }),
      registerContact(outsider.headers, {
        planId: plan.id,
        contactId,
        heldOn: today(),
        inBalance: "NO",
      }),
      graphql(
        `
          mutation ($id: ID!) {
            moveNazorgContact(contactId: $id, plannedOn: "2030-01-01") {
              id
            }
          }
        `,
        { id: contactId },
        outsider.headers,
      ),
      graphql(
        `
          mutation ($id: ID!) {
            removeNazorgContact(contactId: $id) {
              id
            }
          }
        `,
        { id: contactId },
        outsider.headers,
      ),
      graphql(
        `
          mutation ($id: ID!) {
            recordNazorgNotFeasible(caseId: $id, reason: "Geen zin") {
              id
            }
          }
        `,
        { id: caseId },
        outsider.headers,
      ),
      graphql(
        `
          mutation ($id: ID!) {
            adjustNazorgPlan(
              input: { planId: $id, kind: EXTEND, durationMonths: 24, reason: "Langer" }
            ) {
              id
            }
          }
        `,
        { id: plan.id },
        outsider.headers,
      ),
    ];
    for (const attempt of await Promise.all(attempts)) {
      expect(attempt.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      expect(attempt.data ?? null).toBeNull();
    }
    expect(await caseOf(outsider.headers, caseId)).toBeNull();
    // Nothing changed for the team.
    const unchanged = (await caseOf(worker.headers, caseId))!;
    expect(unchanged.nazorgPlan).toMatchObject({ status: "ACTIVE", durationMonths: 12 });
    expect(unchanged.nazorgPlan!.contacts.every((c) => c.heldOn === null)).toBe(true);
    expect(unchanged.relapseRisk).toBeNull();

    // A nested path from the outsider's own data does not open the case either.
    const ownDashboard = await graphql<{
      dashboard: { contactsDueThisWeek: Array<{ case: { id: string } }> };
    }>(
      `
        {
          dashboard {
            contactsDueThisWeek {
              case {
                id
              }
            }
          }
        }
      `,
      {},
      outsider.headers,
    );
    expect(ownDashboard.data!.dashboard.contactsDueThisWeek).toEqual([]);
  });
});

describe("registering a contact and the relapse risk", () => {
  it("counts a zorgoverleg planned after the risk as its follow-up", async () => {
    const worker = await loggedInUser();
    const { caseId, plan } = await caseWithPlan(worker, daysFromToday(-95));
    await registerContact(worker.headers, {
      planId: plan.id,
      contactId: plan.contacts[0]!.id,
      heldOn: today(),
      channel: "TELEFOON",
      inBalance: "NO",
    });
    expect((await caseOf(worker.headers, caseId))!.relapseRisk?.followUpNeeded).toBe(true);
    await scheduleZorgoverleg(worker.headers, caseId);
    expect((await caseOf(worker.headers, caseId))!.relapseRisk).toMatchObject({
      since: today(),
      followUpNeeded: false,
    });
  });

  it("marks the case out of balance as terugvalrisico until a follow-up referral, and a later balanced contact clears it", async () => {
    const worker = await loggedInUser();
    const { caseId, clientId, plan } = await caseWithPlan(worker, daysFromToday(-95));
    const [first, second] = plan.contacts;

    const future = await registerContact(worker.headers, {
      planId: plan.id,
      contactId: first!.id,
      heldOn: daysFromToday(1),
      inBalance: "NO",
    });
    expect(future.errors?.[0]?.extensions).toMatchObject({ field: "heldOn" });

    const registered = (
      await registerContact(worker.headers, {
        planId: plan.id,
        contactId: first!.id,
        heldOn: daysFromToday(-1),
        channel: "WHATSAPP",
        inBalance: "NO",
        signals: ["NEW_ARREARS", "LIFE_EVENT"],
        note: "Energierekening niet betaald",
        followUp: "Verwijzen naar budgetcoaching",
      })
    ).data!.registerNazorgContact;
    expect(registered.contacts.find((c) => c.id === first!.id)).toMatchObject({
      heldOn: daysFromToday(-1),
      inBalance: "NO",
      signals: ["NEW_ARREARS", "LIFE_EVENT"],
      heldBy: { id: worker.id },
      isOverdue: false,
      dueThisWeek: false,
    });
    const again = await registerContact(worker.headers, {
      planId: plan.id,
      contactId: first!.id,
      heldOn: today(),
      inBalance: "YES",
    });
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");

    let careCase = (await caseOf(worker.headers, caseId))!;
    expect(careCase.relapseRisk).toEqual({
      since: daysFromToday(-1),
      clearedOn: null,
      followUpNeeded: true,
      raisedBy: { id: first!.id, inBalance: "NO" },
    });

    // A draft is not a follow-up yet; the sent referral is.
    const referral = await sendReferral(worker.headers, caseId, clientId);
    expect((await caseOf(worker.headers, caseId))!.relapseRisk?.followUpNeeded).toBe(true);
    await referral.send();
    careCase = (await caseOf(worker.headers, caseId))!;
    expect(careCase.relapseRisk).toMatchObject({ since: daysFromToday(-1), followUpNeeded: false });

    // Another contact out of balance keeps the one risk from its first day.
    await registerContact(worker.headers, {
      planId: plan.id,
      heldOn: today(),
      inBalance: "NO",
      signals: ["STRESS"],
    });
    expect((await caseOf(worker.headers, caseId))!.relapseRisk?.since).toBe(daysFromToday(-1));

    const balanced = (
      await registerContact(worker.headers, {
        planId: plan.id,
        contactId: second!.id,
        heldOn: today(),
        channel: "HUISBEZOEK",
        inBalance: "YES",
      })
    ).data!.registerNazorgContact;
    careCase = (await caseOf(worker.headers, caseId))!;
    expect(careCase.relapseRisk).toBeNull();
    expect(careCase.relapseRiskHistory).toEqual([
      {
        since: daysFromToday(-1),
        clearedOn: today(),
        followUpNeeded: false,
        raisedBy: { id: first!.id },
        clearedBy: { id: second!.id, inBalance: "YES" },
      },
    ]);
    // An unplanned contact was added to the plan as well.
    expect(balanced.contacts.filter((c) => c.heldOn !== null)).toHaveLength(3);

    const log = (await (
      await database()
    ).query(
      `SELECT action, object_type FROM access_log WHERE client_id = $1 AND object_type LIKE 'NAZORG%'`,
      [clientId],
    )) as Array<{ action: string; object_type: string }>;
    expect(log).toEqual(
      expect.arrayContaining([
        { action: "CREATE", object_type: "NAZORG_PLAN" },
        { action: "UPDATE", object_type: "NAZORG_CONTACT" },
        { action: "CREATE", object_type: "NAZORG_CONTACT" },
        { action: "READ", object_type: "NAZORG_CONTACT" },
      ]),
    );
  });

  it("lets the contact be held by a worker of the case team only", async () => {
    const worker = await loggedInUser();
    const stranger = await buildUser();
    const colleague = await buildUser({ organizationId: worker.organizationId });
    const { plan } = await caseWithPlan(worker);
    const refused = await registerContact(worker.headers, {
      planId: plan.id,
      heldOn: today(),
      inBalance: "YES",
      heldByUserId: stranger.id,
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ field: "heldByUserId" });
    const byColleague = (
      await registerContact(worker.headers, {
        planId: plan.id,
        heldOn: today(),
        inBalance: "YES",
        heldByUserId: colleague.id,
      })
    ).data!.registerNazorgContact;
    expect(byColleague.contacts.find((c) => c.heldOn)?.heldBy).toEqual({ id: colleague.id });
  });
});

describe("the labels of nazorg", () => {
  it("reach the client in Dutch through the taxonomy query", async () => {
    const result = await graphql<{
      taxonomy: Record<string, Array<{ value: string; label: string }>>;
    }>(`
      {
        taxonomy {
          contactSignals {
            value
            label
          }
          inBalance {
            value
            label
          }
        }
      }
    `);
    expect(result.data!.taxonomy.contactSignals.slice(0, 3)).toEqual([
      { value: "LIFE_EVENT", label: "Life event" },
      { value: "NEW_ARREARS", label: "Nieuwe achterstanden" },
      { value: "STRESS", label: "Stress" },
    ]);
    expect(result.data!.taxonomy.inBalance.map((v) => v.value)).toEqual(["YES", "NO", "UNKNOWN"]);
  });
});

describe("overdue contact moments", () => {
  it("are overdue once the planned date plus the grace of 7 days has passed, not on its last day", async () => {
    const worker = await loggedInUser();
    const { caseId, plan } = await caseWithPlan(worker);
    for (const day of [-7, -8, 8]) {
      await graphql(
        `
          mutation ($planId: ID!, $on: String!) {
            planNazorgContact(planId: $planId, plannedOn: $on) {
              id
            }
          }
        `,
        { planId: plan.id, on: daysFromToday(day) },
        worker.headers,
      );
    }
    const contacts = (await caseOf(worker.headers, caseId))!.nazorgPlan!.contacts;
    const byDate = new Map(contacts.map((c) => [c.plannedOn, c]));
    expect(byDate.get(daysFromToday(-8))).toMatchObject({ isOverdue: true, dueThisWeek: false });
    expect(byDate.get(daysFromToday(-7))).toMatchObject({ isOverdue: false, dueThisWeek: true });
    // A week from tomorrow is always after this Sunday.
    expect(byDate.get(daysFromToday(8))).toMatchObject({ isOverdue: false, dueThisWeek: false });

    // A registered contact is never overdue, however late it was held.
    const late = byDate.get(daysFromToday(-8))!;
    const registered = (
      await registerContact(worker.headers, {
        planId: plan.id,
        contactId: late.id,
        heldOn: today(),
        inBalance: "YES",
      })
    ).data!.registerNazorgContact;
    expect(registered.contacts.find((c) => c.id === late.id)).toMatchObject({
      isOverdue: false,
      dueThisWeek: false,
    });

    // Nor is anything due once the case is closed.
    await graphql(
      `
        mutation ($id: ID!) {
          setCasePhase(caseId: $id, phase: AFGESLOTEN) {
            id
          }
        }
      `,
      { id: caseId },
      worker.headers,
    );
    const closed = (await caseOf(worker.headers, caseId))!.nazorgPlan!.contacts;
    expect(closed.find((c) => c.plannedOn === daysFromToday(-7))).toMatchObject({
      isOverdue: false,
      dueThisWeek: false,
    });
  });
});
