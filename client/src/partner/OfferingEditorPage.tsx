import { useMutation, useQuery } from "@apollo/client/react";
import type { FormEvent } from "react";
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
import { ProblemArea, useFormProblem } from "../shared/form";
import { CheckboxGroup, SelectField, TextField } from "../shared/fields";
import { PageError, PageLoading } from "../shared/PageStates";
import { useStatusMessage } from "../shared/StatusMessage";
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
  const { problem, clear, fail } = useFormProblem();
  const announce = useStatusMessage();
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
    clear();
    const input = offeringInput(new FormData(event.currentTarget));
    try {
      const savedId = current
        ? (await update({ variables: { id: current.id, input } })).data!.updateOffering.id
        : (await create({ variables: { input } })).data!.createOffering.id;
      const title = String(input.title ?? "").trim();
      announce(current ? `“${title}” is opgeslagen.` : `“${title}” staat nu op de sociale kaart.`, {
        on: `/aanbod/${savedId}`,
      });
      navigate(`/aanbod/${savedId}`);
    } catch (caught) {
      fail(caught, "Opslaan is niet gelukt. Probeer het opnieuw.");
    }
  };

  const textField = (
    name: string,
    path: string,
    label: string,
    value: string | null | undefined,
    required = false,
  ) => (
    <TextField
      id={`aanbod-${name}`}
      name={name}
      path={path}
      label={label}
      required={required}
      defaultValue={value ?? ""}
    />
  );

  return (
    <div className="kk-wide-form">
      <h1 className="utrecht-heading-1">
        {current ? `${current.title} bewerken` : "Nieuw aanbod"}
      </h1>
      <p className="utrecht-paragraph">Opslaan geldt ook als ‘gegevens gecontroleerd’.</p>
      <ProblemArea problem={problem}>
        <form onSubmit={onSubmit} className="kk-stack">
          {textField("titel", "title", "Titel", current?.title, true)}
          <TextField
            id="aanbod-omschrijving"
            name="omschrijving"
            path="description"
            label="Omschrijving"
            multiline
            required
            defaultValue={current?.description ?? ""}
          />
          <SelectField
            id="aanbod-module"
            name="module"
            path="module"
            label="Dienstverlening"
            defaultValue={current?.module}
            options={Object.entries(labels?.modules ?? {})}
          />
          <CheckboxGroup
            legend="Fase"
            name="fase"
            path="phases"
            labels={labels?.phases}
            selected={current?.phases}
          />
          <SelectField
            id="aanbod-palet"
            name="palet"
            path="paletteLevel"
            label="Plek op het palet van nazorg (bij nazorgaanbod)"
            defaultValue={current?.paletteLevel ?? ""}
            options={[
              ["", "Geen (geen nazorgaanbod)"],
              ...Object.entries(labels?.paletteLevels ?? {}).map(
                ([value, label]): [string, string] => [value, `${value} · ${label}`],
              ),
            ]}
          />
          <CheckboxGroup
            legend="Levensgebieden"
            name="levensgebied"
            path="lifeDomains"
            labels={labels?.lifeDomains}
            selected={current?.lifeDomains}
          />
          <CheckboxGroup
            legend="Doelgroepen (niets gekozen: voor iedereen)"
            name="doelgroep"
            path="targetGroups"
            labels={labels?.targetGroups}
            selected={current?.targetGroups}
          />
          <CheckboxGroup
            legend="Kanalen"
            name="kanaal"
            path="channels"
            labels={labels?.channels}
            selected={current?.channels}
          />
          <CheckboxGroup
            legend="Uitgevoerd door"
            name="door"
            path="deliveredBy"
            labels={labels?.deliveredBy}
            selected={current?.deliveredBy}
          />
          {textField("frequentie", "frequency", "Hoe vaak", current?.frequency)}
          {textField("duur", "duration", "Hoe lang", current?.duration)}
          {textField("kosten", "costs", "Kosten", current?.costs ?? (current ? null : "Gratis"))}
          {textField("wachttijd", "waitingTime", "Wachttijd", current?.waitingTime)}
          {textField(
            "vrij",
            "capacity.available",
            "Vrije plekken (leeg: niet bijgehouden)",
            current?.capacity ? String(current.capacity.available) : null,
          )}
          {textField(
            "totaal",
            "capacity.total",
            "Plekken in totaal",
            current?.capacity?.total != null ? String(current.capacity.total) : null,
          )}
          <SelectField
            id="aanbod-documenten"
            name="documenten"
            path="documentsNeeded"
            label="Documenten voor een eerste gesprek"
            defaultValue={current?.documentsNeeded ? "ja" : "nee"}
            options={[
              ["nee", "Geen documentplicht"],
              ["ja", "Documenten nodig"],
            ]}
          />
          {textField(
            "documentenToelichting",
            "documentsNote",
            "Toelichting op documenten",
            current?.documentsNote,
          )}
          {textField(
            "talen",
            "languages",
            "Talen (codes, bijvoorbeeld nl, en, ar)",
            current ? current.languages.join(", ") : "nl",
            true,
          )}
          <CheckboxGroup
            legend="Locaties"
            name="locatie"
            path="locationIds"
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
            path="gemeenten"
            labels={Object.fromEntries(data.gemeenten.map((g) => [g.code, g.name]))}
            selected={current?.coveredGemeenten.map((g) => g.code)}
          />
          {textField(
            "contactNaam",
            "contactPerson.name",
            "Contactpersoon",
            current?.contactPerson?.name,
          )}
          {textField(
            "contactTelefoon",
            "contactPerson.phone",
            "Telefoon contactpersoon",
            current?.contactPerson?.phone,
          )}
          {textField(
            "contactEmail",
            "contactPerson.email",
            "E-mail contactpersoon",
            current?.contactPerson?.email,
          )}
          <button
            type="submit"
            className="utrecht-button utrecht-button--primary-action"
            disabled={creating || updating}
          >
            Opslaan
          </button>
        </form>
      </ProblemArea>
    </div>
  );
}
