import { daysFromToday, meetingAt, today } from "../support/calendar.js";
import { describe, expect, it } from "vitest";
import { Role } from "../../server/auth/role.js";
import { graphql } from "../support/api.js";
import { buildOrganization, buildUser, database } from "../support/factories.js";
import { loggedInUser } from "../support/session.js";
import {
  caseWithPlan,
  type Headers,
  openCase,
  registerContact,
  sendReferral,
} from "../support/nazorg.js";

const dashboardQuery = `{
  dashboard {
    regieCaseCount regieCases { id }
    relapseRiskCaseCount relapseRiskCases { id relapseRisk { followUpNeeded } }
    contactsDueThisWeekCount contactsDueThisWeek { id plannedOn case { id } }
    contactsOverdueCount contactsOverdue { id plannedOn isOverdue case { id } }
    referralsAwaitingResponseCount referralsAwaitingResponse { id responseDueAt }
    outgoingReferralsOverdueCount outgoingReferralsOverdue { id isResponseOverdue }
    regieGapCount regieGaps { caseId phase problems holderOrganization { id } holderUser { id } }
  }
}`;

interface DashboardData {
  regieCaseCount: number;
  regieCases: Array<{ id: string }>;
  relapseRiskCaseCount: number;
  relapseRiskCases: Array<{ id: string; relapseRisk: { followUpNeeded: boolean } }>;
  contactsDueThisWeekCount: number;
  contactsDueThisWeek: Array<{ id: string; plannedOn: string; case: { id: string } }>;
  contactsOverdueCount: number;
  contactsOverdue: Array<{ id: string; plannedOn: string; isOverdue: boolean }>;
  referralsAwaitingResponseCount: number;
  referralsAwaitingResponse: Array<{ id: string; responseDueAt: string }>;
  outgoingReferralsOverdueCount: number;
  outgoingReferralsOverdue: Array<{ id: string; isResponseOverdue: boolean }>;
  regieGapCount: number | null;
  regieGaps: Array<{
    caseId: string;
    problems: string[];
    holderOrganization: { id: string };
    holderUser: { id: string } | null;
  }> | null;
}

async function dashboard(headers: Headers): Promise<DashboardData> {
  const result = await graphql<{ dashboard: DashboardData }>(dashboardQuery, {}, headers);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.dashboard;
}

async function plan(headers: Headers, planId: string, day: number) {
  await graphql(
    `
      mutation ($planId: ID!, $on: String!) {
        planNazorgContact(planId: $planId, plannedOn: $on) {
          id
        }
      }
    `,
    { planId, on: daysFromToday(day) },
    headers,
  );
}

describe("the dashboard", () => {
  it("needs a login", async () => {
    const anonymous = await graphql(dashboardQuery);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("counts and lists our regie cases, risk cases and the contacts due and overdue", async () => {
    const worker = await loggedInUser();
    const colleague = await loggedInUser({ organizationId: worker.organizationId });
    const outsider = await loggedInUser();
    await openCase(worker.headers, "Zonder plan");
    const first = await caseWithPlan(worker);
    const second = await caseWithPlan(colleague);
    await plan(worker.headers, first.plan.id, -8);
    await plan(worker.headers, first.plan.id, -20);
    await plan(worker.headers, first.plan.id, -7);
    await plan(colleague.headers, second.plan.id, 0);
    await plan(colleague.headers, second.plan.id, 30);
    await registerContact(colleague.headers, {
      planId: second.plan.id,
      heldOn: today(),
      inBalance: "NO",
      signals: ["NEW_ARREARS"],
    });

    const ours = await dashboard(worker.headers);
    expect(ours.regieCaseCount).toBe(3);
    expect(ours.regieCases.map((c) => c.id)).toEqual(
      expect.arrayContaining([first.caseId, second.caseId]),
    );
    expect(ours.relapseRiskCaseCount).toBe(1);
    expect(ours.relapseRiskCases).toEqual([
      { id: second.caseId, relapseRisk: { followUpNeeded: true } },
    ]);
    expect(ours.contactsOverdueCount).toBe(2);
    expect(ours.contactsOverdue.map((c) => c.plannedOn)).toEqual([
      daysFromToday(-20),
      daysFromToday(-8),
    ]);
    expect(ours.contactsDueThisWeekCount).toBe(2);
    // The viewer's own moment first, then the colleague's.
    expect(ours.contactsDueThisWeek.map((c) => [c.case.id, c.plannedOn])).toEqual([
      [first.caseId, daysFromToday(-7)],
      [second.caseId, daysFromToday(0)],
    ]);
    expect(ours.regieGapCount).toBeNull();
    expect(ours.regieGaps).toBeNull();

    const theirs = await dashboard(outsider.headers);
    expect(theirs).toMatchObject({
      regieCaseCount: 0,
      relapseRiskCaseCount: 0,
      contactsDueThisWeekCount: 0,
      contactsOverdueCount: 0,
    });

    const log = (await (
      await database()
    ).query(
      `SELECT count(*)::int AS reads FROM access_log
        WHERE user_id = $1 AND action = 'READ' AND object_type = 'CASE' AND object_id = $2`,
      [worker.id, second.caseId],
    )) as Array<{ reads: number }>;
    expect(log[0]!.reads).toBeGreaterThan(0);
  });

  it("lists referrals awaiting our response by deadline and our own unanswered past the norm", async () => {
    const sender = await loggedInUser();
    const { caseId, clientId } = await openCase(sender.headers);
    const early = await sendReferral(sender.headers, caseId, clientId);
    await early.send();
    const late = await sendReferral(sender.headers, caseId, clientId);
    await late.send();
    const receiverOfEarly = await loggedInUser({ organizationId: early.partner });

    const db = await database();
    // The first referral's response deadline passed yesterday.
    await db.query("UPDATE referral SET response_due_at = now() - interval '1 day' WHERE id = $1", [
      early.referralId,
    ]);

    const sent = await dashboard(sender.headers);
    expect(sent.outgoingReferralsOverdueCount).toBe(1);
    expect(sent.outgoingReferralsOverdue).toEqual([
      { id: early.referralId, isResponseOverdue: true },
    ]);

    const inbox = await dashboard(receiverOfEarly.headers);
    expect(inbox.referralsAwaitingResponseCount).toBe(1);
    expect(inbox.referralsAwaitingResponse.map((r) => r.id)).toEqual([early.referralId]);

    // Answered: off both lists.
    await graphql(
      `
        mutation ($id: ID!) {
          transitionReferral(input: { referralId: $id, to: ACCEPTED }) {
            id
          }
        }
      `,
      { id: early.referralId },
      receiverOfEarly.headers,
    );
    expect((await dashboard(receiverOfEarly.headers)).referralsAwaitingResponseCount).toBe(0);
    expect((await dashboard(sender.headers)).outgoingReferralsOverdueCount).toBe(0);
  });

  it("shows a regional administrator the cases whose regie holder cannot act", async () => {
    const admin = await loggedInUser({
      organizationId: await buildOrganization({ gemeenteCodes: ["GM0202"] }),
      roles: [Role.BEHEERDER, Role.REGIO_BEHEERDER],
    });
    const db = await database();

    // A worker who leaves: the only account of the regie organisation is disabled.
    const leaver = await loggedInUser();
    const { caseId: leaverCase } = await openCase(leaver.headers);
    // An organisation that leaves the region, while its client lives in Arnhem.
    const mover = await loggedInUser();
    const { caseId: moverCase } = await openCase(mover.headers);
    // All is well here.
    const stayer = await loggedInUser();
    const { caseId: fineCase } = await openCase(stayer.headers);
    await buildUser({ organizationId: stayer.organizationId });

    await db.query("UPDATE app_user SET disabled_at = now() WHERE id = $1", [leaver.id]);
    await db.query("UPDATE organization SET gemeente_codes = '{}' WHERE id = $1", [
      mover.organizationId,
    ]);

    const gaps = (await dashboard(admin.headers)).regieGaps!;
    const byCase = new Map(gaps.map((gap) => [gap.caseId, gap]));
    expect(byCase.get(leaverCase)).toEqual({
      caseId: leaverCase,
      phase: "ONTWIKKELING",
      problems: ["HOLDER_WORKER_DISABLED", "HOLDER_ORGANIZATION_WITHOUT_USERS"],
      holderOrganization: { id: leaver.organizationId },
      holderUser: { id: leaver.id },
    });
    expect(byCase.get(moverCase)?.problems).toEqual(["HOLDER_ORGANIZATION_LEFT_REGION"]);
    expect(byCase.has(fineCase)).toBe(false);

    const logged = (await db.query(
      `SELECT basis FROM access_log WHERE user_id = $1 AND object_id = $2 AND action = 'READ'`,
      [admin.id, leaverCase],
    )) as Array<{ basis: string }>;
    expect(logged.map((row) => row.basis)).toContain("REGIO_BEHEER");

    // The administrator sees no client data of these cases.
    const opened = await graphql<{ case: null }>(
      `
        query ($id: ID!) {
          case(id: $id) {
            id
          }
        }
      `,
      { id: leaverCase },
      admin.headers,
    );
    expect(opened.data!.case).toBeNull();
  });
});

describe("agreements on the dashboard", () => {
  it("counts my organisation's open agreements and those past their date", async () => {
    const worker = await loggedInUser();
    const { caseId } = await openCase(worker.headers);
    const planned = await graphql<{ scheduleZorgoverleg: { id: string } }>(
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
          // Held two weeks ago; of what it agreed, one thing is past its date.
          startsAt: meetingAt(-14),
          location: "Wijkcentrum",
          invitees: [],
        },
      },
      worker.headers,
    );
    const agreement = (description: string, dueOn: string) => ({
      description,
      dueOn,
      ownerOrganizationId: worker.organizationId,
      ownerUserId: worker.id,
    });
    const recorded = await graphql(
      `
        mutation ($input: RecordZorgoverlegInput!) {
          recordZorgoverleg(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          zorgoverlegId: planned.data!.scheduleZorgoverleg.id,
          summary: "Afspraken gemaakt",
          communicationAgreement: "Wekelijks even bellen",
          agreements: [
            agreement("Budgetplan opstellen", daysFromToday(-2)),
            agreement("Aanvraag bijzondere bijstand", daysFromToday(10)),
          ],
        },
      },
      worker.headers,
    );
    expect(recorded.errors).toBeUndefined();

    const board = await graphql<{
      dashboard: {
        openAgreementCount: number;
        overdueAgreementCount: number;
        openAgreements: Array<{ description: string; isOverdue: boolean }>;
      };
    }>(
      `
        {
          dashboard {
            openAgreementCount
            overdueAgreementCount
            openAgreements {
              description
              isOverdue
            }
          }
        }
      `,
      {},
      worker.headers,
    );
    expect(board.data!.dashboard).toEqual({
      openAgreementCount: 2,
      overdueAgreementCount: 1,
      openAgreements: [
        { description: "Budgetplan opstellen", isOverdue: true },
        { description: "Aanvraag bijzondere bijstand", isOverdue: false },
      ],
    });
  });
});
