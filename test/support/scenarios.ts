import { graphql } from "./api.js";
import { today } from "./calendar.js";
import { buildOffering, buildOrganization } from "./factories.js";
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
