import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { useMe } from "../auth/session";
import { graphql } from "../gql";
import type {
  Channel,
  DeliveredBy,
  LifeDomain,
  OfferingInput,
  PaletteLevel,
  Phase,
  ServiceModule,
  TargetGroup,
} from "../gql/graphql";
import { CheckboxGroup } from "../shared/CheckboxGroup";
import { ErrorAlert } from "../shared/ErrorAlert";
import { errorMessage } from "../shared/errors";
import { PageError, PageLoading } from "../shared/PageStates";
import { useTaxonomyLabels } from "../shared/taxonomy";
import { useDocumentTitle } from "../shared/useDocumentTitle";

const EditorQuery = graphql(`
  query OfferingEditor($organizationId: ID!, $offeringId: ID!, $editing: Boolean!) {
    organization(id: $organizationId) {
      id
      locations {
        id
        name
        street
        city
      }
    }
    gemeenten {
      code
      name
    }
    offering(id: $offeringId) @include(if: $editing) {
      id
      title
      description
      module
      phases
      paletteLevel
      lifeDomains
      targetGroups
      channels
      deliveredBy
      frequency
      duration
      costs
      waitingTime
      capacity {
        available
        total
      }
      documentsNeeded
      documentsNote
      languages
      locations {
        id
      }
      coveredGemeenten {
        code
      }
      contactPerson {
        name
        phone
        email
      }
    }
  }
`);

const CreateMutation = graphql(`
  mutation CreateOffering($input: OfferingInput!) {
    createOffering(input: $input) {
      id
    }
  }
`);

const UpdateMutation = graphql(`
  mutation UpdateOffering($id: ID!, $input: OfferingInput!) {
    updateOffering(id: $id, input: $input) {
      id
    }
  }
`);

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim() || null;
const all = <T extends string>(form: FormData, name: string) =>
  form.getAll(name).map(String) as T[];

/** Reads the form into the API's input; the server checks it and names any field in Dutch. */
function offeringInput(form: FormData): OfferingInput {
  const available = text(form, "vrij");
  const total = text(form, "totaal");
  const contactName = text(form, "contactNaam");
  return {
    title: String(form.get("titel") ?? ""),
    description: String(form.get("omschrijving") ?? ""),
    module: String(form.get("module")) as ServiceModule,
    phases: all<Phase>(form, "fase"),
    paletteLevel: (text(form, "palet") as PaletteLevel | null) ?? null,
    lifeDomains: all<LifeDomain>(form, "levensgebied"),
    targetGroups: all<TargetGroup>(form, "doelgroep"),
    channels: all<Channel>(form, "kanaal"),
    deliveredBy: all<DeliveredBy>(form, "door"),
    frequency: text(form, "frequentie"),
    duration: text(form, "duur"),
    costs: text(form, "kosten"),
    waitingTime: text(form, "wachttijd"),
    capacity:
      available === null
        ? null
        : { available: Number(available), total: total === null ? null : Number(total) },
    documentsNeeded: form.get("documenten") === "ja",
    documentsNote: text(form, "documentenToelichting"),
    languages: String(form.get("talen") ?? "nl")
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((code) => code.toLowerCase()),
    locationIds: all<string>(form, "locatie"),
    gemeenten: all<string>(form, "gemeente"),
    contactPerson: contactName
      ? {
          name: contactName,
          phone: text(form, "contactTelefoon"),
          email: text(form, "contactEmail"),
        }
      : null,
  };
}

/** Create or edit one offering of the own organisation. */
export function OfferingEditorPage() {
  const { id } = useParams();
  const editing = Boolean(id && id !== "nieuw");
  const me = useMe();
  const labels = useTaxonomyLabels();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const { data, loading, error } = useQuery(EditorQuery, {
    variables: {
      organizationId: me?.organization.id ?? "",
      offeringId: editing ? id! : "",
      editing,
    },
    skip: !me,
  });
  const [create, { loading: creating }] = useMutation(CreateMutation);
  const [update, { loading: updating }] = useMutation(UpdateMutation);
  useDocumentTitle(editing ? "Aanbod bewerken" : "Nieuw aanbod");

  if (!me || (loading && !data)) return <PageLoading />;
  if (error || !data) return <PageError what="Het aanbod" />;
  const current = editing ? data.offering : undefined;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const input = offeringInput(new FormData(event.currentTarget));
    try {
      const savedId = current
        ? (await update({ variables: { id: current.id, input } })).data!.updateOffering.id
        : (await create({ variables: { input } })).data!.createOffering.id;
      navigate(`/aanbod/${savedId}`);
    } catch (caught) {
      setProblem(errorMessage(caught, "Opslaan is niet gelukt. Probeer het opnieuw."));
      window.scrollTo({ top: 0 });
    }
  };

  const textField = (
    name: string,
    label: string,
    value: string | null | undefined,
    required = false,
  ) => (
    <div className="utrecht-form-field">
      <label className="utrecht-form-label" htmlFor={`aanbod-${name}`}>
        {label}
      </label>
      <input
        id={`aanbod-${name}`}
        name={name}
        required={required}
        defaultValue={value ?? ""}
        className="utrecht-textbox utrecht-textbox--html-input"
      />
    </div>
  );

  return (
    <div className="kk-wide-form">
      <h1 className="utrecht-heading-1">
        {current ? `${current.title} bewerken` : "Nieuw aanbod"}
      </h1>
      <p className="utrecht-paragraph">Opslaan geldt ook als ‘gegevens gecontroleerd’.</p>
      <ErrorAlert message={problem} />
      <form onSubmit={onSubmit} className="kk-stack">
        {textField("titel", "Titel", current?.title, true)}
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="aanbod-omschrijving">
            Omschrijving
          </label>
          <textarea
            id="aanbod-omschrijving"
            name="omschrijving"
            required
            rows={5}
            defaultValue={current?.description ?? ""}
            className="utrecht-textarea utrecht-textarea--html-textarea"
          />
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="aanbod-module">
            Dienstverlening
          </label>
          <select
            id="aanbod-module"
            name="module"
            defaultValue={current?.module}
            className="utrecht-select utrecht-select--html-select"
          >
            {Object.entries(labels?.modules ?? {}).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <CheckboxGroup
          legend="Fase"
          name="fase"
          labels={labels?.phases}
          selected={current?.phases}
        />
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="aanbod-palet">
            Plek op het palet van nazorg (bij nazorgaanbod)
          </label>
          <select
            id="aanbod-palet"
            name="palet"
            defaultValue={current?.paletteLevel ?? ""}
            className="utrecht-select utrecht-select--html-select"
          >
            <option value="">Geen (geen nazorgaanbod)</option>
            {Object.entries(labels?.paletteLevels ?? {}).map(([value, label]) => (
              <option key={value} value={value}>
                {value} · {label}
              </option>
            ))}
          </select>
        </div>
        <CheckboxGroup
          legend="Levensgebieden"
          name="levensgebied"
          labels={labels?.lifeDomains}
          selected={current?.lifeDomains}
        />
        <CheckboxGroup
          legend="Doelgroepen (niets gekozen: voor iedereen)"
          name="doelgroep"
          labels={labels?.targetGroups}
          selected={current?.targetGroups}
        />
        <CheckboxGroup
          legend="Kanalen"
          name="kanaal"
          labels={labels?.channels}
          selected={current?.channels}
        />
        <CheckboxGroup
          legend="Uitgevoerd door"
          name="door"
          labels={labels?.deliveredBy}
          selected={current?.deliveredBy}
        />
        {textField("frequentie", "Hoe vaak", current?.frequency)}
        {textField("duur", "Hoe lang", current?.duration)}
        {textField("kosten", "Kosten", current?.costs ?? (current ? null : "Gratis"))}
        {textField("wachttijd", "Wachttijd", current?.waitingTime)}
        {textField(
          "vrij",
          "Vrije plekken (leeg: niet bijgehouden)",
          current?.capacity ? String(current.capacity.available) : null,
        )}
        {textField(
          "totaal",
          "Plekken in totaal",
          current?.capacity?.total != null ? String(current.capacity.total) : null,
        )}
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="aanbod-documenten">
            Documenten voor een eerste gesprek
          </label>
          <select
            id="aanbod-documenten"
            name="documenten"
            defaultValue={current?.documentsNeeded ? "ja" : "nee"}
            className="utrecht-select utrecht-select--html-select"
          >
            <option value="nee">Geen documentplicht</option>
            <option value="ja">Documenten nodig</option>
          </select>
        </div>
        {textField("documentenToelichting", "Toelichting op documenten", current?.documentsNote)}
        {textField(
          "talen",
          "Talen (codes, bijvoorbeeld nl, en, ar)",
          current ? current.languages.join(", ") : "nl",
          true,
        )}
        <CheckboxGroup
          legend="Locaties"
          name="locatie"
          labels={Object.fromEntries(
            data.organization?.locations.map((l) => [
              l.id,
              `${l.name ? `${l.name}, ` : ""}${l.street}, ${l.city}`,
            ]) ?? [],
          )}
          selected={current?.locations.map((l) => l.id)}
        />
        <CheckboxGroup
          legend="Gemeenten waar het aanbod te gebruiken is"
          name="gemeente"
          labels={Object.fromEntries(data.gemeenten.map((g) => [g.code, g.name]))}
          selected={current?.coveredGemeenten.map((g) => g.code)}
        />
        {textField("contactNaam", "Contactpersoon", current?.contactPerson?.name)}
        {textField("contactTelefoon", "Telefoon contactpersoon", current?.contactPerson?.phone)}
        {textField("contactEmail", "E-mail contactpersoon", current?.contactPerson?.email)}
        <button
          type="submit"
          className="utrecht-button utrecht-button--primary-action"
          disabled={creating || updating}
        >
          Opslaan
        </button>
      </form>
    </div>
  );
}
