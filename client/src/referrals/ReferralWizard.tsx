import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { RecordConsentMutation } from "../cases/ConsentForms";
import { graphql } from "../gql";
import { ProblemArea, useFormProblem } from "../shared/form";
import { CheckboxField, CheckboxGroup, RadioGroup, SelectField, TextField } from "../shared/fields";
import { useStatusMessage } from "../shared/StatusMessage";
import type { ConsentMethod, LifeDomain } from "../gql/graphql";
import { PageError, PageLoading, PageNotFound } from "../shared/PageStates";
import { useTaxonomyLabels } from "../shared/taxonomy";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { isoDate, isoDateFromToday } from "../shared/format";

const WizardQuery = graphql(`
  query ReferralWizard($offeringId: ID!) {
    offering(id: $offeringId) {
      id
      title
      organization {
        id
        name
      }
    }
    myCases {
      id
      client {
        id
        displayName
        contactPreferences
        consents {
          id
          purpose
          isValid
          dataCategories
          recipients {
            id
          }
        }
      }
    }
  }
`);

const StartReferralMutation = graphql(`
  mutation WizardStartReferral($input: StartReferralInput!) {
    startReferral(input: $input) {
      id
      caseId
    }
  }
`);

const SendReferralMutation = graphql(`
  mutation WizardSendReferral($input: ReferralTransitionInput!) {
    transitionReferral(input: $input) {
      id
      state
    }
  }
`);

/**
 * Warme overdracht from an offering: choose the case, rest it on the client's consent (or
 * record it now), describe the question and send it.
 */
export function ReferralWizard() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const labels = useTaxonomyLabels();
  const { data, loading, error } = useQuery(WizardQuery, { variables: { offeringId: id } });
  const [caseId, setCaseId] = useState<string>("");
  const { problem, clear, fail } = useFormProblem();
  const [busy, setBusy] = useState(false);
  const announce = useStatusMessage();
  const [recordConsent] = useMutation(RecordConsentMutation);
  const [startReferral] = useMutation(StartReferralMutation);
  const [sendReferral] = useMutation(SendReferralMutation);
  useDocumentTitle(data?.offering ? `Verwijzen naar ${data.offering.title}` : undefined);

  if (loading) return <PageLoading />;
  if (error || !data) return <PageError what="Het verwijsformulier" />;
  const offering = data.offering;
  if (!offering)
    return (
      <PageNotFound title="Aanbod niet gevonden">Dit aanbod bestaat niet (meer).</PageNotFound>
    );

  const chosenCase = data.myCases.find((c) => c.id === caseId) ?? data.myCases[0];
  const validConsents =
    chosenCase?.client.consents.filter(
      // Only a consent that covers the question for help can carry a referral.
      (consent) =>
        consent.isValid &&
        consent.dataCategories.includes("HULPVRAAG") &&
        consent.recipients.some((r) => r.id === offering.organization.id),
    ) ?? [];

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!chosenCase) return;
    const form = new FormData(event.currentTarget);
    clear();
    setBusy(true);
    try {
      let consentId = String(form.get("toestemming") ?? "");
      if (consentId === "nieuw" || !consentId) {
        const recorded = await recordConsent({
          variables: {
            clientId: chosenCase.client.id,
            input: {
              recipientOrganizationIds: [offering.organization.id],
              purpose: `Warme overdracht naar ${offering.organization.name}: ${offering.title}`,
              dataCategories: ["CONTACTGEGEVENS", "HULPVRAAG"],
              method: String(form.get("methode")) as ConsentMethod,
              givenOn: isoDate(),
              validUntil: isoDateFromToday({ years: 1 }),
            },
          },
        });
        consentId = recorded.data!.recordConsent.id;
      }
      const started = await startReferral({
        variables: {
          input: {
            caseId: chosenCase.id,
            offeringId: offering.id,
            question: String(form.get("hulpvraag")),
            handoverSummary: String(form.get("samenvatting")),
            lifeDomains: form.getAll("levensgebied").map(String) as LifeDomain[],
            urgency: form.get("crisis") ? "CRISIS" : "NORMAAL",
            contactPreferences: chosenCase.client.contactPreferences,
            consentId,
          },
        },
      });
      const referral = started.data!.startReferral;
      await sendReferral({
        variables: { input: { referralId: referral.id, to: "SENT", expectedState: "DRAFT" } },
      });
      announce(`Verwijzing verstuurd naar ${offering.organization.name}.`, {
        on: `/casussen/${referral.caseId}`,
      });
      navigate(`/casussen/${referral.caseId}`);
    } catch (caught) {
      fail(caught, "Versturen is niet gelukt. Probeer het opnieuw.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="kk-narrow kk-wide-form">
      <h1 className="utrecht-heading-1">Verwijzen naar {offering.title}</h1>
      <p className="utrecht-paragraph kk-lead">
        Warme overdracht naar {offering.organization.name}
      </p>
      {data.myCases.length === 0 ? (
        <p className="utrecht-paragraph">
          Uw organisatie heeft nog geen casussen. <Link to="/casussen">Naar mijn casussen</Link>.
        </p>
      ) : (
        <ProblemArea problem={problem}>
          <form onSubmit={onSubmit} className="kk-stack">
            <SelectField
              id="verwijs-casus"
              path="caseId"
              label="Voor welke inwoner"
              value={chosenCase?.id}
              onChange={(event) => setCaseId(event.target.value)}
              options={data.myCases.map((careCase) => [careCase.id, careCase.client.displayName])}
            />
            <RadioGroup
              legend="Toestemming van de inwoner"
              name="toestemming"
              path="consentId"
              defaultValue={validConsents[0]?.id ?? "nieuw"}
              labels={{
                ...Object.fromEntries(
                  validConsents.map((consent) => [consent.id, consent.purpose]),
                ),
                nieuw: `De inwoner geeft nu toestemming om contactgegevens en hulpvraag te delen met ${offering.organization.name} (één jaar geldig)`,
              }}
            >
              <SelectField
                id="verwijs-methode"
                name="methode"
                path="method"
                label="Hoe is de toestemming gegeven"
                options={[
                  ["MONDELING", "Mondeling"],
                  ["SCHRIFTELIJK", "Schriftelijk"],
                ]}
              />
            </RadioGroup>
            <TextField
              id="verwijs-hulpvraag"
              name="hulpvraag"
              path="question"
              label="Hulpvraag"
              multiline
              required
              minLength={3}
              maxLength={2000}
            />
            <TextField
              id="verwijs-samenvatting"
              name="samenvatting"
              path="handoverSummary"
              label="Overdrachtssamenvatting"
              multiline
              required
              minLength={3}
              maxLength={5000}
            />
            <CheckboxGroup
              legend="Levensgebieden"
              name="levensgebied"
              path="lifeDomains"
              labels={labels?.lifeDomains}
            />
            <CheckboxField
              id="verwijs-crisis"
              name="crisis"
              path="urgency"
              label="Crisis: dreigende huisuitzetting of afsluiting van energie"
            />
            <button
              type="submit"
              className="utrecht-button utrecht-button--primary-action"
              disabled={busy}
            >
              {busy ? "Bezig met versturen…" : "Overdracht versturen"}
            </button>
          </form>
        </ProblemArea>
      )}
    </div>
  );
}
