import { graphql } from "./api.js";
import { today } from "./calendar.js";
import { buildOffering, buildOrganization } from "./factories.js";
import { loggedInUser } from "./session.js";

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
  const opened = await graphql<{ openCase: { id: string; client: { id: string } } }>(
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
  );
  const caseId = opened.data!.openCase.id;
  const recipient =
    options.consentFor === "other" ? await buildOrganization() : partnerOrganization;
  const consent = await graphql<{ recordConsent: { id: string } }>(
    `
      mutation ($clientId: ID!, $input: ConsentInput!) {
        recordConsent(clientId: $clientId, input: $input) {
          id
        }
      }
    `,
    {
      clientId: opened.data!.openCase.client.id,
      input: {
        recipientOrganizationIds: [recipient],
        purpose: "Warme overdracht voor schuldregeling",
        dataCategories: ["CONTACTGEGEVENS", "HULPVRAAG"],
        method: "SCHRIFTELIJK",
        givenOn: today(),
        validUntil: "2099-12-31",
      },
    },
    sender.headers,
  );
  const started = await graphql<{ startReferral: R }>(
    `mutation ($input: StartReferralInput!) { startReferral(input: $input) { ${referralFields} } }`,
    {
      input: {
        caseId,
        offeringId,
        question: "Hulp bij een schuldregeling",
        handoverSummary: "Huurachterstand van drie maanden, inkomen uit bijstand, gemotiveerd.",
        lifeDomains: ["FINANCIEN", "WONEN"],
        urgency: options.urgency ?? "NORMAAL",
        contactPreferences: ["WHATSAPP"],
        consentId: consent.data!.recordConsent.id,
      },
    },
    sender.headers,
  );
  if (!started.data) throw new Error(JSON.stringify(started.errors));
  return {
    sender,
    receiver,
    caseId,
    consentId: consent.data!.recordConsent.id,
    referral: started.data.startReferral,
  };
}
