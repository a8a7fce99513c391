import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { graphql } from "../gql";
import type { NetworkAgreementKind } from "../gql/graphql";
import { ErrorAlert } from "../shared/ErrorAlert";
import { errorMessage } from "../shared/errors";
import { formatDate, isoDate } from "../shared/format";

const NetworkAgreementsQuery = graphql(`
  query NetworkAgreements {
    networkAgreements {
      id
      kind
      title
      description
      responseNormWorkingDays
      validFrom
      validUntil
      isCurrent
      parties {
        id
        name
      }
      regieHolder {
        id
        name
      }
      gemeenten {
        code
        name
      }
    }
    taxonomy {
      networkAgreementKinds {
        value
        label
      }
    }
    organizations {
      id
      name
    }
  }
`);

const CreateNetworkAgreementMutation = graphql(`
  mutation CreateNetworkAgreement($input: NetworkAgreementInput!) {
    createNetworkAgreement(input: $input) {
      id
    }
  }
`);

const EndNetworkAgreementMutation = graphql(`
  mutation EndNetworkAgreement($input: EndNetworkAgreementInput!) {
    endNetworkAgreement(input: $input) {
      id
      validUntil
      isCurrent
    }
  }
`);

/** Today in the Netherlands as JJJJ-MM-DD, the form agreements' dates take. */
const today = () => isoDate();

/**
 * The samenwerkingsafspraken that apply now or later; region administrators and coordinators
 * add and end them here. `onChanged` lets the map show a new regie holder at once.
 */
export function NetworkAgreements(props: {
  gemeenten: Array<{ code: string; name: string }>;
  canMaintain: boolean;
  onChanged: () => void;
}) {
  const { data, refetch } = useQuery(NetworkAgreementsQuery);
  const [endAgreement] = useMutation(EndNetworkAgreementMutation);
  const [endError, setEndError] = useState<string | null>(null);
  const kindLabels = Object.fromEntries(
    (data?.taxonomy.networkAgreementKinds ?? []).map((k) => [k.value, k.label]),
  );
  const changed = () => {
    void refetch();
    props.onChanged();
  };

  const end = async (id: string, title: string) => {
    if (!window.confirm(`Afspraak “${title}” beëindigen per vandaag?`)) return;
    try {
      await endAgreement({ variables: { input: { id, validUntil: today() } } });
      setEndError(null);
      changed();
    } catch (caught) {
      setEndError(errorMessage(caught, "Beëindigen is niet gelukt. Probeer het opnieuw."));
    }
  };

  return (
    <section aria-labelledby="afspraken">
      <h2 id="afspraken" className="utrecht-heading-2">
        Samenwerkingsafspraken
      </h2>
      <ErrorAlert message={endError} />
      {!data ? (
        <p className="utrecht-paragraph" role="status">
          Bezig met laden…
        </p>
      ) : data.networkAgreements.length === 0 ? (
        <p className="utrecht-paragraph">Nog geen afspraken vastgelegd.</p>
      ) : (
        <div className="kk-table-scroll" role="region" aria-labelledby="afspraken" tabIndex={0}>
          <table className="kk-table">
            <thead>
              <tr>
                <th scope="col">Afspraak</th>
                <th scope="col">Soort</th>
                <th scope="col">Partijen</th>
                <th scope="col">Gemeenten</th>
                <th scope="col">Reactienorm</th>
                <th scope="col">Geldig</th>
                {props.canMaintain ? <th scope="col">Actie</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.networkAgreements.map((agreement) => (
                <tr key={agreement.id}>
                  <td>
                    {agreement.title}
                    {agreement.description ? (
                      <span className="kk-matrix-facts">{agreement.description}</span>
                    ) : null}
                  </td>
                  <td>
                    {kindLabels[agreement.kind] ?? agreement.kind}
                    {agreement.regieHolder ? `: ${agreement.regieHolder.name}` : ""}
                  </td>
                  <td>{agreement.parties.map((p) => p.name).join(", ")}</td>
                  <td>{agreement.gemeenten.map((g) => g.name).join(", ")}</td>
                  <td>
                    {agreement.responseNormWorkingDays
                      ? `${agreement.responseNormWorkingDays} werkdagen`
                      : "–"}
                  </td>
                  <td>
                    {agreement.isCurrent ? "" : "Gaat in op "}
                    {formatDate(agreement.validFrom)}
                    {agreement.validUntil
                      ? ` tot en met ${formatDate(agreement.validUntil)}`
                      : " voor onbepaalde tijd"}
                  </td>
                  {props.canMaintain ? (
                    <td>
                      <button
                        type="button"
                        className="utrecht-button utrecht-button--subtle"
                        onClick={() => void end(agreement.id, agreement.title)}
                      >
                        Beëindigen<span className="kk-visually-hidden"> {agreement.title}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.canMaintain && data ? (
        <NewAgreementForm
          gemeenten={props.gemeenten}
          kinds={data.taxonomy.networkAgreementKinds}
          organizations={data.organizations}
          onDone={changed}
        />
      ) : null}
    </section>
  );
}

function NewAgreementForm(props: {
  gemeenten: Array<{ code: string; name: string }>;
  kinds: Array<{ value: string; label: string }>;
  organizations: Array<{ id: string; name: string }>;
  onDone: () => void;
}) {
  const [create, { loading }] = useMutation(CreateNetworkAgreementMutation);
  const [kind, setKind] = useState("REGIE_NAZORG");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const organizations = [...props.organizations].sort((a, b) => a.name.localeCompare(b.name, "nl"));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const regieOrganizationId = kind === "REGIE_NAZORG" ? text("regiehouder") || null : null;
    const partyIds = form.getAll("partijen").map(String);
    const norm = text("reactienorm");
    try {
      await create({
        variables: {
          input: {
            kind: kind as NetworkAgreementKind,
            title: text("naam"),
            description: text("omschrijving") || null,
            partyIds:
              regieOrganizationId && !partyIds.includes(regieOrganizationId)
                ? [regieOrganizationId, ...partyIds]
                : partyIds,
            regieOrganizationId,
            gemeenteCodes: form.getAll("gemeenten").map(String),
            responseNormWorkingDays: norm ? Number(norm) : null,
            validFrom: text("vanaf"),
            validUntil: text("totenmet") || null,
          },
        },
      });
      formElement.reset();
      setKind("REGIE_NAZORG");
      setError(null);
      setSaved("De afspraak is vastgelegd.");
      props.onDone();
    } catch (caught) {
      setSaved(null);
      setError(errorMessage(caught, "Vastleggen is niet gelukt. Probeer het opnieuw."));
    }
  };

  return (
    <details className="kk-agreement-form">
      <summary>Afspraak toevoegen</summary>
      <form onSubmit={onSubmit} className="kk-stack">
        <ErrorAlert message={error} />
        {saved ? (
          <div className="utrecht-alert utrecht-alert--ok" role="status">
            <p className="utrecht-paragraph">{saved}</p>
          </div>
        ) : null}
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="afspraak-soort">
            Soort afspraak
          </label>
          <select
            id="afspraak-soort"
            className="utrecht-select utrecht-select--html-select"
            value={kind}
            onChange={(event) => setKind(event.target.value)}
          >
            {props.kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="afspraak-naam">
            Naam van de afspraak
          </label>
          <input
            id="afspraak-naam"
            name="naam"
            className="utrecht-textbox utrecht-textbox--html-input"
            required
            minLength={3}
            maxLength={200}
          />
        </div>
        {kind === "REGIE_NAZORG" ? (
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor="afspraak-regiehouder">
              Wie heeft de regie op nazorg?
            </label>
            <select
              id="afspraak-regiehouder"
              name="regiehouder"
              className="utrecht-select utrecht-select--html-select"
              required
            >
              <option value="">Kies een ketenpartner</option>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="afspraak-partijen">
            {kind === "REGIE_NAZORG" ? "Andere partijen (optioneel)" : "Partijen (minstens twee)"}
          </label>
          <select
            id="afspraak-partijen"
            name="partijen"
            multiple
            size={6}
            className="utrecht-select utrecht-select--html-select"
          >
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend kk-filter-legend">Gemeenten</legend>
          {props.gemeenten.map((g) => (
            <div key={g.code} className="kk-filter-option">
              <input
                id={`afspraak-gemeente-${g.code}`}
                type="checkbox"
                name="gemeenten"
                value={g.code}
                className="utrecht-checkbox utrecht-checkbox--html-input"
              />
              <label
                htmlFor={`afspraak-gemeente-${g.code}`}
                className="utrecht-form-label utrecht-form-label--checkbox"
              >
                {g.name}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="afspraak-omschrijving">
            Wat is er afgesproken? (optioneel)
          </label>
          <textarea
            id="afspraak-omschrijving"
            name="omschrijving"
            className="utrecht-textarea utrecht-textarea--html-textarea"
            maxLength={2000}
          />
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="afspraak-reactienorm">
            Reactienorm in werkdagen (optioneel)
          </label>
          <input
            id="afspraak-reactienorm"
            name="reactienorm"
            type="number"
            min={1}
            max={60}
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="afspraak-vanaf">
            Geldig vanaf
          </label>
          <input
            id="afspraak-vanaf"
            name="vanaf"
            type="date"
            required
            defaultValue={today()}
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="afspraak-totenmet">
            Geldig tot en met (leeg: onbepaalde tijd)
          </label>
          <input
            id="afspraak-totenmet"
            name="totenmet"
            type="date"
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
        <button
          type="submit"
          className="utrecht-button utrecht-button--primary-action"
          disabled={loading}
        >
          Afspraak vastleggen
        </button>
      </form>
    </details>
  );
}
