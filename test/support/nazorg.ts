import { graphql } from "./api.js";
import { daysFromToday } from "./calendar.js";
import { buildOffering, buildOrganization } from "./factories.js";
import { consentAndReferral } from "./scenarios.js";

export type Headers = Record<string, string>;

export const planFields = `
  id status trajectoryEndedOn saneringskrediet creditGrantedOn startsOn durationMonths endsOn
  paletteLevel clientWishes notFeasibleReason
  responsibleOrganization { id } responsibleUser { id }
  contacts { id plannedOn heldOn channel inBalance signals note followUp isOverdue dueThisWeek heldBy { id } }
  adjustments { kind reason previousDurationMonths newDurationMonths previousPaletteLevel newPaletteLevel decidedBy { id } }`;

export interface PlanData {
  id: string;
  status: string;
  startsOn: string | null;
  durationMonths: number | null;
  endsOn: string | null;
  paletteLevel: string | null;
  notFeasibleReason: string | null;
  responsibleOrganization: { id: string } | null;
  responsibleUser: { id: string } | null;
  contacts: Array<{
    id: string;
    plannedOn: string | null;
    heldOn: string | null;
    inBalance: string | null;
    signals: string[];
    isOverdue: boolean;
    dueThisWeek: boolean;
    heldBy: { id: string } | null;
  }>;
  adjustments: Array<Record<string, unknown>>;
}

/**
 * Opens a case through the API (of the lane's server, or another), as the worker's
 * organisation (which then holds regie).
 */
export async function openCase(headers: Headers, displayName = "R. Visser", baseUrl?: string) {
  const result = await graphql<{ openCase: { id: string; client: { id: string } } }>(
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
        client: { displayName, postcodeArea: "6825", contactPreferences: ["TELEFOON"] },
        phase: "ONTWIKKELING",
        role: "Schuldhulpverlening",
      },
    },
    headers,
    baseUrl,
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return { caseId: result.data.openCase.id, clientId: result.data.openCase.client.id };
}

export async function createPlan(headers: Headers, input: Record<string, unknown>) {
  return graphql<{ createNazorgPlan: PlanData }>(
    `mutation ($input: CreateNazorgPlanInput!) { createNazorgPlan(input: $input) { ${planFields} } }`,
    { input },
    headers,
  );
}

export async function registerContact(headers: Headers, input: Record<string, unknown>) {
  return graphql<{ registerNazorgContact: PlanData }>(
    `mutation ($input: RegisterNazorgContactInput!) { registerNazorgContact(input: $input) { ${planFields} } }`,
    { input: { channel: "TELEFOON", signals: [], ...input } },
    headers,
  );
}

/** A case with an active plan, run by the worker's own organisation. */
export async function caseWithPlan(
  worker: { headers: Headers; organizationId: string; id: string },
  trajectoryEndedOn = daysFromToday(-2),
) {
  const { caseId, clientId } = await openCase(worker.headers);
  const created = await createPlan(worker.headers, {
    caseId,
    trajectoryEndedOn,
    responsibleOrganizationId: worker.organizationId,
    responsibleUserId: worker.id,
    paletteLevel: "A1",
  });
  if (!created.data) throw new Error(JSON.stringify(created.errors));
  return { caseId, clientId, plan: created.data.createNazorgPlan };
}

/** A referral from the case to a new partner, on the client's consent; `send()` sends it. */
export async function sendReferral(headers: Headers, caseId: string, clientId: string) {
  const partner = await buildOrganization();
  const offeringId = await buildOffering({ organizationId: partner });
  const { referral, send } = await consentAndReferral(headers, {
    caseId,
    clientId,
    offeringId,
    recipientOrganizationId: partner,
  });
  return { partner, referralId: referral.id, send };
}
