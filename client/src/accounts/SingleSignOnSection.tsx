import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { graphql } from "../gql";
import { errorMessage } from "../shared/errors";
import { ErrorAlert } from "../shared/ErrorAlert";
import { ProblemArea, useFormProblem } from "../shared/form";
import { TextField } from "../shared/fields";
import { formatDateTime } from "../shared/format";
import { useStatusMessage } from "../shared/StatusMessage";

const SingleSignOnQuery = graphql(`
  query SingleSignOnConnection($organizationId: ID!) {
    singleSignOnConnection(organizationId: $organizationId) {
      organizationId
      issuer
      openidClientId
      emailDomain
      updatedAt
    }
  }
`);

const SetSingleSignOnMutation = graphql(`
  mutation SetSingleSignOn($input: SetSingleSignOnInput!) {
    setSingleSignOn(input: $input) {
      organizationId
      issuer
      openidClientId
      emailDomain
      updatedAt
    }
  }
`);

const RemoveSingleSignOnMutation = graphql(`
  mutation RemoveSingleSignOn($organizationId: ID!) {
    removeSingleSignOn(organizationId: $organizationId)
  }
`);

/**
 * Inloggen via de organisatie: the beheerder connects the organisation's own OpenID Connect
 * issuer. The client secret is written, never shown again.
 */
export function SingleSignOnSection({ organizationId }: { organizationId: string }) {
  const { data, loading, error } = useQuery(SingleSignOnQuery, { variables: { organizationId } });
  const refetchQueries = [SingleSignOnQuery, "OrganizationAccounts"];
  const [save, { loading: saving }] = useMutation(SetSingleSignOnMutation, { refetchQueries });
  const [remove, { loading: removing }] = useMutation(RemoveSingleSignOnMutation, {
    refetchQueries,
  });
  const { problem, clear, fail } = useFormProblem();
  const [removeProblem, setRemoveProblem] = useState<string | null>(null);
  const announce = useStatusMessage();
  const connection = data?.singleSignOnConnection ?? null;

  const onSave = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    clear();
    try {
      await save({
        variables: {
          input: {
            organizationId,
            issuer: String(form.get("issuer")),
            openidClientId: String(form.get("openidClientId")),
            clientSecret: String(form.get("clientSecret")) || null,
            emailDomain: String(form.get("emailDomain")),
          },
        },
      });
      (formElement.elements.namedItem("clientSecret") as HTMLInputElement).value = "";
      announce("Inloggen via de organisatie is opgeslagen.");
    } catch (caught) {
      fail(caught, "De koppeling is niet opgeslagen. Probeer het opnieuw.");
    }
  };

  const onRemove = async () => {
    setRemoveProblem(null);
    try {
      await remove({ variables: { organizationId } });
      announce("Inloggen via de organisatie is verwijderd.");
    } catch (caught) {
      setRemoveProblem(errorMessage(caught, "Verwijderen is niet gelukt. Probeer het opnieuw."));
    }
  };

  return (
    <section aria-labelledby="sso-beheer-kop" className="kk-stack">
      <h2 id="sso-beheer-kop" className="utrecht-heading-2">
        Inloggen via de organisatie
      </h2>
      <p className="utrecht-paragraph">
        Koppel de inlogdienst van uw organisatie (OpenID Connect). Wie een e-mailadres op het domein
        heeft, logt dan in via die dienst. Alleen wie al een account heeft of is uitgenodigd, komt
        binnen.
      </p>
      {loading && !data ? null : error ? (
        <ErrorAlert message="De koppeling kon niet worden geladen." />
      ) : connection ? (
        <dl className="utrecht-data-list kk-data-list">
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">Domein</dt>
            <dd className="utrecht-data-list__item-value">{connection.emailDomain}</dd>
          </div>
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">Issuer</dt>
            <dd className="utrecht-data-list__item-value">{connection.issuer}</dd>
          </div>
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">Laatst ingesteld</dt>
            <dd className="utrecht-data-list__item-value">
              {formatDateTime(connection.updatedAt)}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="utrecht-paragraph">
          Nog niet ingesteld: iedereen logt in met een wachtwoord.
        </p>
      )}
      <ProblemArea problem={problem}>
        <form onSubmit={onSave} className="kk-stack" key={connection?.updatedAt ?? "nieuw"}>
          <TextField
            id="sso-issuer"
            name="issuer"
            path="issuer"
            label="Adres van de issuer"
            description="Bijvoorbeeld https://login.organisatie.nl"
            type="url"
            required
            maxLength={500}
            defaultValue={connection?.issuer ?? ""}
          />
          <TextField
            id="sso-client-id"
            name="openidClientId"
            path="openidClientId"
            label="Client id"
            required
            maxLength={500}
            defaultValue={connection?.openidClientId ?? ""}
          />
          <TextField
            id="sso-client-secret"
            name="clientSecret"
            path="clientSecret"
            label="Client secret"
            description={
              connection
                ? "Laat leeg om het opgeslagen secret te houden. Ketenkaart laat het nooit meer zien."
                : "Ketenkaart bewaart het versleuteld en laat het nooit meer zien."
            }
            type="password"
            autoComplete="off"
            required={!connection}
            maxLength={1000}
          />
          <TextField
            id="sso-email-domain"
            name="emailDomain"
            path="emailDomain"
            label="E-maildomein"
            description="Het deel na de @, bijvoorbeeld organisatie.nl"
            required
            maxLength={253}
            defaultValue={connection?.emailDomain ?? ""}
          />
          <div className="kk-actions">
            <button
              type="submit"
              className="utrecht-button utrecht-button--primary-action"
              disabled={saving}
            >
              Koppeling opslaan
            </button>
            {connection ? (
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action"
                disabled={removing}
                onClick={() => void onRemove()}
              >
                Koppeling verwijderen
              </button>
            ) : null}
          </div>
        </form>
      </ProblemArea>
      <ErrorAlert message={removeProblem} />
    </section>
  );
}
