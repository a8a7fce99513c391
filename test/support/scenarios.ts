import { Role } from "../../server/auth/role.js";
import { graphql } from "./api.js";
import { daysFromToday, meetingAt, today } from "./calendar.js";
import { buildOffering, buildOrganization, buildRegion, buildUser, database } from "./factories.js";
import { caseWithPlan, registerContact, sendReferral } from "./nazorg.js";
import { loggedInUser } from "./session.js";

// The steps of the chain through the API, as the web client takes them, for tests to build on.

type Headers = Record<string, string>;

/** The data of a request that must succeed; fails the test with the errors otherwise. */
async function must<T>(result: Promise<{ data?: T; errors?: unknown }>): Promise<T> {
  const { data, errors } = await result;
  if (!data) throw new Error(`GraphQL errors: ${JSON.stringify(errors)}`);
  return data;
}

/** Records the client's consent to share with these organisations (valid for years). */
export async function recordConsent(
  headers: Headers,
  clientId: string,
  recipientOrganizationIds: string[],
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const data = await must(
    graphql<{ recordConsent: { id: string } }>(
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
          recipientOrganizationIds,
          purpose: "Warme overdracht voor schuldregeling",
          dataCategories: ["CONTACTGEGEVENS", "HULPVRAAG"],
          method: "SCHRIFTELIJK",
          givenOn: today(),
          validUntil: "2099-12-31",
          ...overrides,
        },
      },
      headers,
    ),
  );
  return data.recordConsent.id;
}

/** Moves a referral to the next state (SENT, ACCEPTED, …); fails the test when refused. */
export async function transitionReferral(
  headers: Headers,
  referralId: string,
  to: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const data = await must(
    graphql<{ transitionReferral: { state: string } }>(
      `
        mutation ($input: ReferralTransitionInput!) {
          transitionReferral(input: $input) {
            state
          }
        }
      `,
      { input: { referralId, to, ...extra } },
      headers,
    ),
  );
  if (data.transitionReferral.state !== to) throw new Error(JSON.stringify(data));
}

/** A draft referral of the case to the offering, on the consent; `fields` selects what is read. */
export async function draftReferral<R>(
  headers: Headers,
  input: { caseId: string; offeringId: string; consentId: string; urgency?: string },
  fields = "id",
): Promise<R> {
  const data = await must(
    graphql<{ startReferral: R }>(
      `mutation ($input: StartReferralInput!) { startReferral(input: $input) { ${fields} } }`,
      {
        input: {
          question: "Hulp bij een schuldregeling",
          handoverSummary: "Huurachterstand van drie maanden, inkomen uit bijstand, gemotiveerd.",
          lifeDomains: ["FINANCIEN", "WONEN"],
          contactPreferences: ["WHATSAPP"],
          ...input,
          urgency: input.urgency ?? "NORMAAL",
        },
      },
      headers,
    ),
  );
  return data.startReferral;
}

/**
 * The client's consent for the receiving organisation and a draft referral to its offering;
 * `send()` sends it.
 */
export async function consentAndReferral(
  headers: Headers,
  options: {
    caseId: string;
    clientId: string;
    offeringId: string;
    recipientOrganizationId: string;
  },
) {
  const consentId = await recordConsent(headers, options.clientId, [
    options.recipientOrganizationId,
  ]);
  const { caseId, offeringId } = options;
  const referral = await draftReferral<{ id: string }>(headers, { caseId, offeringId, consentId });
  return { consentId, referral, send: () => transitionReferral(headers, referral.id, "SENT") };
}

export interface ChainOptions {
  urgency?: string;
  /** Whom the client's consent names: the receiving partner (default) or another organisation. */
  consentFor?: "partner" | "other";
}

/**
 * A wijkteam case with a client, a partner's offering and the client's consent to share with
 * it, and a draft referral to that offering; `referralFields` selects what the test reads of it.
 */
export async function referralChain<R>(referralFields: string, options: ChainOptions = {}) {
  const sender = await loggedInUser();
  const partnerOrganization = await buildOrganization({ name: "Kredietbank Testregio" });
  const receiver = await loggedInUser({ organizationId: partnerOrganization });
  const offeringId = await buildOffering({
    organizationId: partnerOrganization,
    title: "Schuldregeling",
  });
  const opened = await must(
    graphql<{ openCase: { id: string; client: { id: string } } }>(
      `
        mutation ($input: OpenCaseInput!) {
          openCase(input: $input) {
            id
            client {
              id
            }
          }
        }
      `,
      {
        input: {
          client: { displayName: "M. Yilmaz", contactPreferences: ["WHATSAPP"] },
          role: "Wijkteam",
        },
      },
      sender.headers,
    ),
  );
  const caseId = opened.openCase.id;
  const recipient =
    options.consentFor === "other" ? await buildOrganization() : partnerOrganization;
  const consentId = await recordConsent(sender.headers, opened.openCase.client.id, [recipient]);
  const referral = await draftReferral<R>(
    sender.headers,
    { caseId, offeringId, consentId, urgency: options.urgency },
    referralFields,
  );
  return { sender, receiver, caseId, consentId, referral };
}

/** Plans a zorgoverleg for the case in ten days, as a worker of its team. */
export async function scheduleZorgoverleg(
  headers: Headers,
  caseId: string,
  invitees: Array<{ organizationId: string; userId?: string }> = [],
): Promise<string> {
  const result = await graphql<{ scheduleZorgoverleg: { id: string } }>(
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
        startsAt: meetingAt(10),
        durationMinutes: 60,
        location: "Wijkcentrum, zaal 1",
        clientParticipates: true,
        invitees,
      },
    },
    headers,
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.scheduleZorgoverleg.id;
}

async function succeed(
  document: string,
  variables: Record<string, unknown>,
  headers: Headers,
): Promise<void> {
  const result = await graphql(document, variables, headers);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
}

/**
 * One client's case with every kind of data the chain keeps on it, each list holding at least
 * one item: the client and consents; a referral sent to a partner and past its response norm;
 * a recorded zorgoverleg with an invitee, an agreement and a regie decision; a nazorg plan,
 * adjusted, with contacts due this week and overdue, and a relapse risk that was cleared and
 * one that is open. Regie went to a colleague whose account is disabled since: a regie gap in
 * a region of its own. Three viewers see (part of) it: a worker of the team, a worker of the
 * partner the referral was sent to, and the regiobeheerder of the region.
 */
export async function caseWithAllItsData() {
  const region = await buildRegion(1);
  const teamOrganization = await buildOrganization({ gemeenteCodes: region.gemeenteCodes });
  const worker = await loggedInUser({ organizationId: teamOrganization });
  const colleague = await buildUser({ organizationId: teamOrganization });
  const { caseId, clientId, plan } = await caseWithPlan(worker);
  const db = await database();

  const referral = await sendReferral(worker.headers, caseId, clientId);
  await referral.send();
  await db.query("UPDATE referral SET response_due_at = now() - interval '1 day' WHERE id = $1", [
    referral.referralId,
  ]);
  const partner = await loggedInUser({ organizationId: referral.partner });

  const zorgoverlegId = await scheduleZorgoverleg(worker.headers, caseId, [
    { organizationId: teamOrganization, userId: worker.id },
  ]);
  await succeed(
    "mutation ($input: RecordZorgoverlegInput!) { recordZorgoverleg(input: $input) { id } }",
    {
      input: {
        zorgoverlegId,
        summary: "Besproken: de nazorg en de nieuwe achterstand.",
        communicationAgreement: "Elke maand een kort bericht via Ketenkaart.",
        agreements: [
          {
            description: "Budgetplan opstellen",
            ownerOrganizationId: teamOrganization,
            ownerUserId: worker.id,
            dueOn: daysFromToday(14),
          },
        ],
        regieDecision: {
          toOrganizationId: teamOrganization,
          toUserId: colleague.id,
          reason: "Vaste contactpersoon voor de nazorg",
        },
      },
    },
    worker.headers,
  );

  await succeed(
    "mutation ($input: AdjustNazorgPlanInput!) { adjustNazorgPlan(input: $input) { id } }",
    {
      input: {
        planId: plan.id,
        kind: "EXTEND",
        reason: "Op verzoek van de inwoner",
        durationMonths: 18,
      },
    },
    worker.headers,
  );
  for (const plannedOn of [today(), daysFromToday(-30)]) {
    await succeed(
      "mutation ($planId: ID!, $plannedOn: String!) { planNazorgContact(planId: $planId, plannedOn: $plannedOn) { id } }",
      { planId: plan.id, plannedOn },
      worker.headers,
    );
  }
  for (const [heldOn, inBalance] of [
    [daysFromToday(-10), "NO"],
    [daysFromToday(-5), "YES"],
    [daysFromToday(-1), "NO"],
  ] as const) {
    const registered = await registerContact(worker.headers, {
      planId: plan.id,
      heldOn,
      inBalance,
    });
    if (registered.errors) throw new Error(JSON.stringify(registered.errors));
  }

  await db.query("UPDATE app_user SET disabled_at = now() WHERE id = $1", [colleague.id]);
  const regionalAdministrator = await loggedInUser({
    organizationId: await buildOrganization({ gemeenteCodes: region.gemeenteCodes }),
    roles: [Role.MEDEWERKER, Role.BEHEERDER, Role.REGIO_BEHEERDER],
  });

  return {
    caseId,
    clientId,
    referralId: referral.referralId,
    zorgoverlegId,
    planId: plan.id,
    worker,
    partner,
    regionalAdministrator,
  };
}
