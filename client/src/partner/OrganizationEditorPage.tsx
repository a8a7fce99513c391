import { useMutation, useQuery } from "@apollo/client/react";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { useMe } from "../auth/session";
import { graphql } from "../gql";
import type { OrganizationInput } from "../gql/graphql";
import { ProblemArea, useFormProblem } from "../shared/form";
import { CheckboxGroup, SelectField, TextField } from "../shared/fields";
import { PageError, PageLoading } from "../shared/PageStates";
import { useStatusMessage } from "../shared/StatusMessage";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { LocationsEditor } from "./LocationsEditor";

const OrganizationEditorQuery = graphql(`
  query OrganizationEditor($id: ID!) {
    organization(id: $id) {
      id
      name
      description
      website
      nvvkMember
      contactPoint {
        phone
        email
        address
        openingHours
        walkInHours
      }
      coordinator {
        name
        phone
        email
      }
      gemeenten {
        code
      }
      ...LocationsEditor
    }
    gemeenten {
      code
      name
    }
  }
`);

const UpdateOrganizationMutation = graphql(`
  mutation UpdateOrganization($id: ID!, $input: OrganizationInput!) {
    updateOrganization(id: $id, input: $input) {
      id
      name
    }
  }
`);

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim() || null;

/** Reads the form into the API's input; the server checks it and names any field in Dutch. */
function organizationInput(form: FormData): OrganizationInput {
  const coordinatorName = text(form, "coordinatorNaam");
  return {
    name: String(form.get("naam") ?? "").trim(),
    description: text(form, "omschrijving"),
    gemeenten: form.getAll("gemeente").map(String),
    contactPoint: {
      phone: text(form, "telefoon"),
      email: text(form, "email"),
      address: text(form, "adres"),
      openingHours: text(form, "openingstijden"),
      walkInHours: text(form, "inloop"),
    },
    website: text(form, "website"),
    nvvkMember: form.get("nvvk") === "ja",
    coordinator: coordinatorName
      ? {
          name: coordinatorName,
          phone: text(form, "coordinatorTelefoon"),
          email: text(form, "coordinatorEmail"),
        }
      : null,
  };
}

/**
 * The partner's own organisation as the sociale kaart shows it: loket, gemeenten, coordinator
 * and locations. Only a beheerder of the organisation (or the region's administrator) may
 * change it; the server enforces that, the page just does not offer what would be refused.
 */
export function OrganizationEditorPage() {
  useDocumentTitle("Onze organisatie");
  const me = useMe();
  const organizationId = me?.organization.id ?? "";
  const { data, loading, error } = useQuery(OrganizationEditorQuery, {
    variables: { id: organizationId },
    skip: !organizationId,
  });
  const [update, { loading: saving }] = useMutation(UpdateOrganizationMutation, {
    refetchQueries: [OrganizationEditorQuery],
  });
  const { problem, clear, fail } = useFormProblem();
  const announce = useStatusMessage();

  if (!me || (loading && !data)) return <PageLoading />;
  if (error || !data?.organization) return <PageError what="Uw organisatie" />;
  const organization = data.organization;
  const mayEdit = me.roles.includes("BEHEERDER") || me.roles.includes("REGIO_BEHEERDER");

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    clear();
    try {
      await update({
        variables: {
          id: organization.id,
          input: organizationInput(new FormData(event.currentTarget)),
        },
      });
      announce("De gegevens van uw organisatie zijn opgeslagen.");
    } catch (caught) {
      fail(caught, "Opslaan is niet gelukt. Probeer het opnieuw.");
    }
  };

  return (
    <div className="kk-wide-form">
      <h1 className="utrecht-heading-1">Onze organisatie</h1>
      <p className="utrecht-paragraph kk-lead">
        Zo staat {organization.name} op de sociale kaart.{" "}
        <Link className="utrecht-link" to={`/organisaties/${organization.id}`}>
          Bekijk de openbare pagina
        </Link>
        .
      </p>
      {!mayEdit ? (
        <p className="utrecht-paragraph">
          Alleen een beheerder van uw organisatie kan deze gegevens wijzigen.
        </p>
      ) : (
        <ProblemArea problem={problem}>
          <form onSubmit={onSubmit} className="kk-stack">
            <TextField
              id="organisatie-naam"
              name="naam"
              path="name"
              label="Naam"
              required
              maxLength={200}
              defaultValue={organization.name}
            />
            <TextField
              id="organisatie-omschrijving"
              name="omschrijving"
              path="description"
              label="Omschrijving"
              multiline
              maxLength={2000}
              defaultValue={organization.description ?? ""}
            />
            <CheckboxGroup
              legend="Gemeenten waarvoor uw organisatie werkt"
              name="gemeente"
              path="gemeenten"
              labels={Object.fromEntries(data.gemeenten.map((g) => [g.code, g.name]))}
              selected={organization.gemeenten.map((g) => g.code)}
            />
            <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset kk-stack">
              <legend className="utrecht-form-fieldset__legend kk-filter-legend">
                Loket: hier kunnen inwoners en partners terecht
              </legend>
              <TextField
                id="organisatie-telefoon"
                name="telefoon"
                path="contactPoint.phone"
                label="Telefoon"
                type="tel"
                maxLength={30}
                defaultValue={organization.contactPoint.phone ?? ""}
              />
              <TextField
                id="organisatie-email"
                name="email"
                path="contactPoint.email"
                label="E-mail"
                type="email"
                defaultValue={organization.contactPoint.email ?? ""}
              />
              <TextField
                id="organisatie-adres"
                name="adres"
                path="contactPoint.address"
                label="Adres"
                maxLength={300}
                defaultValue={organization.contactPoint.address ?? ""}
              />
              <TextField
                id="organisatie-openingstijden"
                name="openingstijden"
                path="contactPoint.openingHours"
                label="Openingstijden"
                maxLength={300}
                defaultValue={organization.contactPoint.openingHours ?? ""}
              />
              <TextField
                id="organisatie-inloop"
                name="inloop"
                path="contactPoint.walkInHours"
                label="Inloopspreekuur"
                maxLength={300}
                defaultValue={organization.contactPoint.walkInHours ?? ""}
              />
            </fieldset>
            <TextField
              id="organisatie-website"
              name="website"
              path="website"
              label="Website"
              type="url"
              defaultValue={organization.website ?? ""}
            />
            <SelectField
              id="organisatie-nvvk"
              name="nvvk"
              path="nvvkMember"
              label="Lid van de NVVK"
              defaultValue={organization.nvvkMember ? "ja" : "nee"}
              options={[
                ["nee", "Nee"],
                ["ja", "Ja"],
              ]}
            />
            <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset kk-stack">
              <legend className="utrecht-form-fieldset__legend kk-filter-legend">
                Coördinator (bij vrijwilligerswerk; leeg laten als die er niet is)
              </legend>
              <TextField
                id="organisatie-coordinator-naam"
                name="coordinatorNaam"
                path="coordinator.name"
                label="Naam coördinator"
                maxLength={200}
                defaultValue={organization.coordinator?.name ?? ""}
              />
              <TextField
                id="organisatie-coordinator-telefoon"
                name="coordinatorTelefoon"
                path="coordinator.phone"
                label="Telefoon coördinator"
                type="tel"
                maxLength={30}
                defaultValue={organization.coordinator?.phone ?? ""}
              />
              <TextField
                id="organisatie-coordinator-email"
                name="coordinatorEmail"
                path="coordinator.email"
                label="E-mail coördinator"
                type="email"
                defaultValue={organization.coordinator?.email ?? ""}
              />
            </fieldset>
            <button
              type="submit"
              className="utrecht-button utrecht-button--primary-action"
              disabled={saving}
            >
              Opslaan
            </button>
          </form>
        </ProblemArea>
      )}
      <LocationsEditor organization={organization} />
    </div>
  );
}
