import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { RecordConsentMutation } from "../cases/ConsentForms";
import { graphql } from "../gql";
import { ProblemArea, TextField, useFormProblem } from "../shared/form";
import type { ConsentMethod, LifeDomain } from "../gql/graphql";
import { PageError, PageLoading, PageNotFound } from "../shared/PageStates";
import { CheckboxGroup } from "../shared/CheckboxGroup";
import { useTaxonomyLabels } from "../shared/taxonomy";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { isoDate } from "../shared/format";

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
      (consent) =>
        consent.isValid && consent.recipients.some((r) => r.id === offering.organization.id),
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
        const validUntil = new Date();
        validUntil.setFullYear(validUntil.getFullYear() + 1);
        const recorded = await recordConsent({
          variables: {
            clientId: chosenCase.client.id,
            input: {
              recipientOrganizationIds: [offering.organization.id],
              purpose: `Warme overdracht naar ${offering.organization.name}: ${offering.title}`,
              dataCategories: ["CONTACTGEGEVENS", "HULPVRAAG"],
              method: String(form.get("methode")) as ConsentMethod,
              givenOn: isoDate(new Date()),
              validUntil: isoDate(validUntil),
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
            <div className="utrecht-form-field">
              <label className="utrecht-form-label" htmlFor="verwijs-casus">
                Voor welke inwoner
              </label>
              <select
                id="verwijs-casus"
                className="utrecht-select utrecht-select--html-select"
                value={chosenCase?.id}
                onChange={(event) => setCaseId(event.target.value)}
              >
                {data.myCases.map((careCase) => (
                  <option key={careCase.id} value={careCase.id}>
                    {careCase.client.displayName}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
              <legend className="utrecht-form-fieldset__legend kk-filter-legend">
                Toestemming van de inwoner
              </legend>
              {validConsents.map((consent, index) => (
                <div key={consent.id} className="kk-filter-option">
                  <input
                    id={`toestemming-${consent.id}`}
                    type="radio"
                    name="toestemming"
                    value={consent.id}
                    defaultChecked={index === 0}
                    className="utrecht-radio-button utrecht-radio-button--html-input"
                  />
                  <label htmlFor={`toestemming-${consent.id}`} className="utrecht-form-label">
                    {consent.purpose}
                  </label>
                </div>
              ))}
              <div className="kk-filter-option">
                <input
                  id="toestemming-nieuw"
                  type="radio"
                  name="toestemming"
                  value="nieuw"
                  defaultChecked={validConsents.length === 0}
                  className="utrecht-radio-button utrecht-radio-button--html-input"
                />
                <label htmlFor="toestemming-nieuw" className="utrecht-form-label">
                  De inwoner geeft nu toestemming om contactgegevens en hulpvraag te delen met{" "}
                  {offering.organization.name} (één jaar geldig)
                </label>
              </div>
              <div className="utrecht-form-field">
                <label className="utrecht-form-label" htmlFor="verwijs-methode">
                  Hoe is de toestemming gegeven
                </label>
                <select
                  id="verwijs-methode"
                  name="methode"
                  className="utrecht-select utrecht-select--html-select"
                >
                  <option value="MONDELING">Mondeling</option>
                  <option value="SCHRIFTELIJK">Schriftelijk</option>
                </select>
              </div>
            </fieldset>
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
            <div className="kk-filter-option">
              <input
                id="verwijs-crisis"
                type="checkbox"
                name="crisis"
                className="utrecht-checkbox utrecht-checkbox--html-input"
              />
              <label
                htmlFor="verwijs-crisis"
                className="utrecht-form-label utrecht-form-label--checkbox"
              >
                Crisis: dreigende huisuitzetting of afsluiting van energie
              </label>
            </div>
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
