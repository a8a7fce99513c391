import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { useMe } from "../auth/session";
import { graphql } from "../gql";
import type { OrganizationKind } from "../gql/graphql";
import { ProblemArea, useFormProblem } from "../shared/form";
import { CheckboxGroup, SelectField, TextField } from "../shared/fields";
import { PageLoading } from "../shared/PageStates";
import { useTaxonomyLabels } from "../shared/taxonomy";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { type HandedLink, HandedLinkNotice } from "./HandedLink";

const GemeentenQuery = graphql(`
  query OnboardPartnerGemeenten {
    gemeenten {
      code
      name
    }
  }
`);

const OnboardPartnerMutation = graphql(`
  mutation OnboardPartner($input: OnboardPartnerInput!) {
    onboardPartner(input: $input) {
      organization {
        id
        name
      }
      beheerder {
        id
        name
        invitationExpiresAt
      }
      link
    }
  }
`);

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim() || null;

/**
 * The regiobeheerder adds a new ketenpartner with the person who will run its accounts. Only
 * what is needed to start: the new beheerder completes the organisation's page themselves.
 */
export function OnboardPartnerPage() {
  useDocumentTitle("Ketenpartner toevoegen");
  const me = useMe();
  const taxonomy = useTaxonomyLabels();
  const { data } = useQuery(GemeentenQuery);
  const [onboard, { loading: saving }] = useMutation(OnboardPartnerMutation);
  const { problem, clear, fail } = useFormProblem();
  const [added, setAdded] = useState<{
    id: string;
    name: string;
    beheerder: string;
    handed: HandedLink | null;
  } | null>(null);

  if (!me) return <PageLoading />;
  if (!me.roles.includes("REGIO_BEHEERDER")) {
    return (
      <div className="kk-narrow">
        <h1 className="utrecht-heading-1">Ketenpartner toevoegen</h1>
        <p className="utrecht-paragraph">
          Alleen de regiobeheerder voegt ketenpartners toe. Vraag het de regiobeheerder van uw
          regio.
        </p>
      </div>
    );
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    clear();
    setAdded(null);
    const beheerder = String(form.get("beheerderNaam") ?? "").trim();
    try {
      const result = await onboard({
        variables: {
          input: {
            organization: {
              name: String(form.get("naam") ?? "").trim(),
              kind: String(form.get("soort")) as OrganizationKind,
              gemeenten: form.getAll("gemeente").map(String),
              contactPoint: { phone: text(form, "telefoon"), email: text(form, "email") },
              nvvkMember: form.get("nvvk") === "ja",
            },
            beheerder: { name: beheerder, email: String(form.get("beheerderEmail") ?? "") },
          },
        },
      });
      const onboarded = result.data!.onboardPartner;
      formElement.reset();
      setAdded({
        ...onboarded.organization,
        beheerder,
        handed: onboarded.link
          ? {
              name: beheerder,
              link: onboarded.link,
              expiresAt: onboarded.beheerder.invitationExpiresAt ?? null,
            }
          : null,
      });
    } catch (caught) {
      fail(caught, "De ketenpartner is niet toegevoegd. Probeer het opnieuw.");
    }
  };

  return (
    <div className="kk-wide-form">
      <h1 className="utrecht-heading-1">Ketenpartner toevoegen</h1>
      <p className="utrecht-paragraph kk-lead">
        Voeg een organisatie toe met haar eerste beheerder. Die krijgt meteen een uitnodiging, vult
        de gegevens van de organisatie aan en nodigt de collega's uit.
      </p>
      {added ? (
        <div className="kk-stack">
          {added.handed ? (
            <HandedLinkNotice handed={added.handed} />
          ) : (
            <div className="utrecht-alert utrecht-alert--ok" role="status">
              <p className="utrecht-paragraph">
                {added.name} is toegevoegd. {added.beheerder} krijgt een uitnodiging per e-mail.
              </p>
            </div>
          )}
          <p className="utrecht-paragraph">
            <Link
              className="utrecht-link"
              to={`/onze-organisatie/medewerkers?organisatie=${added.id}`}
            >
              Medewerkers van {added.name}
            </Link>
            {" · "}
            <Link className="utrecht-link" to={`/organisaties/${added.id}`}>
              De pagina van {added.name} op de sociale kaart
            </Link>
          </p>
        </div>
      ) : null}
      <ProblemArea problem={problem}>
        <form onSubmit={onSubmit} className="kk-stack">
          <TextField
            id="partner-naam"
            name="naam"
            path="organization.name"
            label="Naam van de organisatie"
            required
            maxLength={200}
          />
          <SelectField
            id="partner-soort"
            name="soort"
            path="organization.kind"
            label="Soort organisatie"
            required
            options={Object.entries(taxonomy?.organizationKinds ?? {})}
          />
          <CheckboxGroup
            legend="Gemeenten waarvoor de organisatie werkt"
            name="gemeente"
            path="organization.gemeenten"
            labels={Object.fromEntries((data?.gemeenten ?? []).map((g) => [g.code, g.name]))}
          />
          <TextField
            id="partner-telefoon"
            name="telefoon"
            path="organization.contactPoint.phone"
            label="Telefoon van het loket"
            type="tel"
            maxLength={30}
          />
          <TextField
            id="partner-email"
            name="email"
            path="organization.contactPoint.email"
            label="E-mail van het loket"
            type="email"
          />
          <SelectField
            id="partner-nvvk"
            name="nvvk"
            path="organization.nvvkMember"
            label="Lid van de NVVK"
            options={[
              ["nee", "Nee"],
              ["ja", "Ja"],
            ]}
          />
          <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset kk-stack">
            <legend className="utrecht-form-fieldset__legend kk-filter-legend">
              Eerste beheerder
            </legend>
            <TextField
              id="partner-beheerder-naam"
              name="beheerderNaam"
              path="beheerder.name"
              label="Naam"
              required
              maxLength={200}
            />
            <TextField
              id="partner-beheerder-email"
              name="beheerderEmail"
              path="beheerder.email"
              label="E-mailadres"
              type="email"
              required
            />
          </fieldset>
          <div>
            <button
              type="submit"
              className="utrecht-button utrecht-button--primary-action"
              disabled={saving}
            >
              Toevoegen en beheerder uitnodigen
            </button>
          </div>
        </form>
      </ProblemArea>
    </div>
  );
}
