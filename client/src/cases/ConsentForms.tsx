import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { graphql } from "../gql";
import type { ConsentDataCategory, ConsentMethod } from "../gql/graphql";
import { CheckboxGroup } from "../shared/CheckboxGroup";
import { ErrorAlert } from "../shared/ErrorAlert";
import { errorMessage } from "../shared/errors";
import { useTaxonomyLabels } from "../shared/taxonomy";

const OrganizationsQuery = graphql(`
  query ConsentOrganizations {
    organizations {
      id
      name
    }
  }
`);

export const RecordConsentMutation = graphql(`
  mutation RecordConsent($clientId: ID!, $input: ConsentInput!) {
    recordConsent(clientId: $clientId, input: $input) {
      id
    }
  }
`);

const WithdrawConsentMutation = graphql(`
  mutation CaseWithdrawConsent($consentId: ID!) {
    withdrawConsent(consentId: $consentId) {
      id
      isValid
      withdrawnAt
    }
  }
`);

const today = () => new Date().toISOString().slice(0, 10);
const inAYear = () => {
  const date = new Date();
  date.setFullYear(date.getFullYear() + 1);
  return date.toISOString().slice(0, 10);
};

/** Records the client's consent as the worker heard or received it. */
export function RecordConsentForm(props: { clientId: string; onDone: () => void }) {
  const { data } = useQuery(OrganizationsQuery);
  const labels = useTaxonomyLabels();
  const [record, { loading }] = useMutation(RecordConsentMutation);
  const [problem, setProblem] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setProblem(null);
    try {
      await record({
        variables: {
          clientId: props.clientId,
          input: {
            recipientOrganizationIds: form.getAll("ontvanger").map(String),
            purpose: String(form.get("doel")),
            dataCategories: form.getAll("gegevens").map(String) as ConsentDataCategory[],
            method: String(form.get("methode")) as ConsentMethod,
            givenOn: String(form.get("gegeven")),
            validUntil: String(form.get("geldig")),
          },
        },
      });
      formElement.reset();
      props.onDone();
    } catch (caught) {
      setProblem(errorMessage(caught, "Vastleggen is niet gelukt. Probeer het opnieuw."));
    }
  };

  return (
    <details>
      <summary>Toestemming vastleggen</summary>
      <form onSubmit={onSubmit} className="kk-stack">
        <ErrorAlert message={problem} />
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="toestemming-ontvanger">
            Met welke organisatie(s) mag gedeeld worden
          </label>
          <select
            id="toestemming-ontvanger"
            name="ontvanger"
            multiple
            required
            size={6}
            className="utrecht-select utrecht-select--html-select"
          >
            {(data?.organizations ?? []).map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name}
              </option>
            ))}
          </select>
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="toestemming-doel">
            Doel
          </label>
          <input
            id="toestemming-doel"
            name="doel"
            required
            minLength={3}
            maxLength={500}
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
        <CheckboxGroup
          legend="Welke gegevens"
          name="gegevens"
          labels={labels?.consentDataCategories}
        />
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="toestemming-methode">
            Hoe gegeven
          </label>
          <select
            id="toestemming-methode"
            name="methode"
            className="utrecht-select utrecht-select--html-select"
          >
            <option value="MONDELING">Mondeling</option>
            <option value="SCHRIFTELIJK">Schriftelijk</option>
          </select>
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="toestemming-gegeven">
            Gegeven op
          </label>
          <input
            id="toestemming-gegeven"
            name="gegeven"
            type="date"
            required
            defaultValue={today()}
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="toestemming-geldig">
            Geldig tot en met
          </label>
          <input
            id="toestemming-geldig"
            name="geldig"
            type="date"
            required
            defaultValue={inAYear()}
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
        <button
          type="submit"
          className="utrecht-button utrecht-button--primary-action"
          disabled={loading}
        >
          Toestemming vastleggen
        </button>
      </form>
    </details>
  );
}

/** From withdrawal on, nothing more is shared on the consent's basis. */
export function WithdrawConsentButton(props: { consentId: string; onDone: () => void }) {
  const [withdraw, { loading }] = useMutation(WithdrawConsentMutation);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="utrecht-button utrecht-button--subtle"
        disabled={loading}
        onClick={async () => {
          try {
            await withdraw({ variables: { consentId: props.consentId } });
            props.onDone();
          } catch (caught) {
            setProblem(errorMessage(caught, "Intrekken is niet gelukt. Probeer het opnieuw."));
          }
        }}
      >
        Intrekken
      </button>
      {problem ? <span role="alert"> {problem}</span> : null}
    </>
  );
}
