import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { graphql } from "../gql";
import type { NetworkAgreementKind } from "../gql/graphql";
import { ErrorAlert } from "../shared/ErrorAlert";
import { errorMessage } from "../shared/errors";
import { ProblemArea, useFormProblem } from "../shared/form";
import { CheckboxGroup, SelectField, TextField } from "../shared/fields";
import { formatDate, isoDate } from "../shared/format";
import { useStatusMessage } from "../shared/StatusMessage";

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
  const announce = useStatusMessage();
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
      announce(`De afspraak “${title}” is beëindigd per vandaag.`);
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
        <div
          className="kk-table-scroll"
          role="region"
          aria-label="Tabel van de samenwerkingsafspraken"
          tabIndex={0}
        >
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
  const { problem, clear, fail } = useFormProblem();
  const announce = useStatusMessage();
  const organizations = [...props.organizations].sort((a, b) => a.name.localeCompare(b.name, "nl"));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const regieOrganizationId = kind === "REGIE_NAZORG" ? text("regiehouder") || null : null;
    const partyIds = form.getAll("partijen").map(String);
    const norm = text("reactienorm");
    clear();
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
      announce(`De afspraak “${text("naam")}” is vastgelegd.`);
      props.onDone();
    } catch (caught) {
      fail(caught, "Vastleggen is niet gelukt. Probeer het opnieuw.");
    }
  };

  return (
    <details className="kk-agreement-form">
      <summary>Afspraak toevoegen</summary>
      <ProblemArea problem={problem}>
        <form onSubmit={onSubmit} className="kk-stack">
          <SelectField
            id="afspraak-soort"
            path="kind"
            label="Soort afspraak"
            value={kind}
            onChange={(event) => setKind(event.target.value)}
            options={props.kinds.map((k) => [k.value, k.label])}
          />
          <TextField
            id="afspraak-naam"
            name="naam"
            path="title"
            label="Naam van de afspraak"
            required
            minLength={3}
            maxLength={200}
          />
          {kind === "REGIE_NAZORG" ? (
            <SelectField
              id="afspraak-regiehouder"
              name="regiehouder"
              path="regieOrganizationId"
              label="Wie heeft de regie op nazorg?"
              required
              empty="Kies een ketenpartner"
              options={organizations.map((o) => [o.id, o.name])}
            />
          ) : null}
          <SelectField
            id="afspraak-partijen"
            name="partijen"
            path="partyIds"
            label={
              kind === "REGIE_NAZORG" ? "Andere partijen (optioneel)" : "Partijen (minstens twee)"
            }
            multiple
            size={6}
            options={organizations.map((o) => [o.id, o.name])}
          />
          <CheckboxGroup
            legend="Gemeenten"
            name="gemeenten"
            path="gemeenteCodes"
            labels={Object.fromEntries(props.gemeenten.map((g) => [g.code, g.name]))}
          />
          <TextField
            id="afspraak-omschrijving"
            name="omschrijving"
            path="description"
            label="Wat is er afgesproken? (optioneel)"
            multiline
            maxLength={2000}
          />
          <TextField
            id="afspraak-reactienorm"
            name="reactienorm"
            path="responseNormWorkingDays"
            label="Reactienorm in werkdagen (optioneel)"
            type="number"
            min={1}
            max={60}
          />
          <TextField
            id="afspraak-vanaf"
            name="vanaf"
            path="validFrom"
            label="Geldig vanaf"
            type="date"
            required
            defaultValue={today()}
          />
          <TextField
            id="afspraak-totenmet"
            name="totenmet"
            path="validUntil"
            label="Geldig tot en met (leeg: onbepaalde tijd)"
            type="date"
          />
          <button
            type="submit"
            className="utrecht-button utrecht-button--primary-action"
            disabled={loading}
          >
            Afspraak vastleggen
          </button>
        </form>
      </ProblemArea>
    </details>
  );
}
