import { useMutation } from "@apollo/client/react";
import type { FormEvent } from "react";
import { useNavigate } from "react-router";
import { graphql } from "../gql";
import { ProblemArea, useFormProblem } from "../shared/form";
import { CheckboxGroup, TextField } from "../shared/fields";
import type { ContactPreference } from "../gql/graphql";
import { useStatusMessage } from "../shared/StatusMessage";
import { useTaxonomyLabels } from "../shared/taxonomy";

const OpenCaseMutation = graphql(`
  mutation OpenCase($input: OpenCaseInput!) {
    openCase(input: $input) {
      id
    }
  }
`);

/** A new case for a client: only what the chain needs, never a BSN. */
export function OpenCaseForm() {
  const navigate = useNavigate();
  const [openCase, { loading }] = useMutation(OpenCaseMutation);
  const { problem, clear, fail } = useFormProblem();
  const announce = useStatusMessage();
  const labels = useTaxonomyLabels();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const birthYear = String(form.get("geboortejaar") ?? "").trim();
    clear();
    try {
      const result = await openCase({
        variables: {
          input: {
            role: String(form.get("rol")),
            client: {
              displayName: String(form.get("naam")),
              birthYear: birthYear ? Number(birthYear) : null,
              postcodeArea: String(form.get("postcode") ?? "").trim() || null,
              contactPreferences: form.getAll("contact").map(String) as ContactPreference[],
              languageNeeds: String(form.get("taal") ?? "").trim() || null,
            },
          },
        },
      });
      const path = `/casussen/${result.data!.openCase.id}`;
      announce(`Casus geopend voor ${String(form.get("naam")).trim()}.`, { on: path });
      navigate(path);
    } catch (caught) {
      fail(caught, "Opslaan is niet gelukt. Probeer het opnieuw.");
    }
  };

  return (
    <details className="kk-new-case">
      <summary>Nieuwe casus</summary>
      <ProblemArea problem={problem}>
        <form onSubmit={onSubmit} className="kk-stack kk-wide-form">
          <p className="utrecht-paragraph">Leg alleen vast wat de keten nodig heeft. Geen BSN.</p>
          <TextField
            id="casus-naam"
            name="naam"
            path="client.displayName"
            label="Naam of initialen"
            required
            maxLength={100}
          />
          <TextField
            id="casus-geboortejaar"
            name="geboortejaar"
            path="client.birthYear"
            label="Geboortejaar (niet verplicht)"
            inputMode="numeric"
            pattern="[0-9]{4}"
          />
          <TextField
            id="casus-postcode"
            name="postcode"
            path="client.postcodeArea"
            label="Postcode, alleen de vier cijfers (niet verplicht)"
            inputMode="numeric"
            pattern="[1-9][0-9]{3}"
          />
          <CheckboxGroup
            legend="Contactvoorkeur"
            name="contact"
            path="client.contactPreferences"
            labels={labels?.contactPreferences}
          />
          <TextField
            id="casus-taal"
            name="taal"
            path="client.languageNeeds"
            label="Taal- of leesbehoefte (niet verplicht)"
            maxLength={300}
          />
          <TextField
            id="casus-rol"
            name="rol"
            path="role"
            label="Rol van uw organisatie in de casus"
            required
            defaultValue="Casusregie"
            maxLength={200}
          />
          <button
            type="submit"
            className="utrecht-button utrecht-button--primary-action"
            disabled={loading}
          >
            Casus openen
          </button>
        </form>
      </ProblemArea>
    </details>
  );
}
