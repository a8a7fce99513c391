import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { graphql } from "../gql";
import type { ConsentDataCategory, ConsentMethod } from "../gql/graphql";
import { errorMessage } from "../shared/errors";
import { ProblemArea, useFormProblem } from "../shared/form";
import { CheckboxGroup, SelectField, TextField } from "../shared/fields";
import { useStatusMessage } from "../shared/StatusMessage";
import { useTaxonomyLabels } from "../shared/taxonomy";
import { isoDate, isoDateFromToday } from "../shared/format";

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

const today = () => isoDate();
const inAYear = () => isoDateFromToday({ years: 1 });

/** Records the client's consent as the worker heard or received it. */
export function RecordConsentForm(props: { clientId: string; onDone: () => void }) {
  const { data } = useQuery(OrganizationsQuery);
  const labels = useTaxonomyLabels();
  const [record, { loading }] = useMutation(RecordConsentMutation);
  const { problem, clear, fail } = useFormProblem();
  const announce = useStatusMessage();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    clear();
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
      announce("De toestemming is vastgelegd.");
    } catch (caught) {
      fail(caught, "Vastleggen is niet gelukt. Probeer het opnieuw.");
    }
  };

  return (
    <details>
      <summary>Toestemming vastleggen</summary>
      <ProblemArea problem={problem}>
        <form onSubmit={onSubmit} className="kk-stack">
          <RecipientSelect organizations={data?.organizations ?? []} />
          <TextField
            id="toestemming-doel"
            name="doel"
            path="purpose"
            label="Doel"
            required
            minLength={3}
            maxLength={500}
          />
          <CheckboxGroup
            legend="Welke gegevens"
            name="gegevens"
            path="dataCategories"
            labels={labels?.consentDataCategories}
          />
          <SelectField
            id="toestemming-methode"
            name="methode"
            path="method"
            label="Hoe gegeven"
            options={[
              ["MONDELING", "Mondeling"],
              ["SCHRIFTELIJK", "Schriftelijk"],
            ]}
          />
          <TextField
            id="toestemming-gegeven"
            name="gegeven"
            path="givenOn"
            label="Gegeven op"
            type="date"
            required
            defaultValue={today()}
          />
          <TextField
            id="toestemming-geldig"
            name="geldig"
            path="validUntil"
            label="Geldig tot en met"
            type="date"
            required
            defaultValue={inAYear()}
          />
          <button
            type="submit"
            className="utrecht-button utrecht-button--primary-action"
            disabled={loading}
          >
            Toestemming vastleggen
          </button>
        </form>
      </ProblemArea>
    </details>
  );
}

/** Several recipients at once: a multiple select, marked when the server names it. */
function RecipientSelect(props: { organizations: Array<{ id: string; name: string }> }) {
  return (
    <SelectField
      id="toestemming-ontvanger"
      name="ontvanger"
      path="recipientOrganizationIds"
      label="Met welke organisatie(s) mag gedeeld worden"
      multiple
      required
      size={6}
      options={props.organizations.map((organization) => [organization.id, organization.name])}
    />
  );
}

/** From withdrawal on, nothing more is shared on the consent's basis. */
export function WithdrawConsentButton(props: { consentId: string; onDone: () => void }) {
  const [withdraw, { loading }] = useMutation(WithdrawConsentMutation);
  const announce = useStatusMessage();
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
            announce("De toestemming is ingetrokken.");
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
