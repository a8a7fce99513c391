import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { graphql } from "../gql";
import { ErrorAlert } from "../shared/ErrorAlert";
import { errorMessage } from "../shared/errors";
import type { ContactPreference } from "../gql/graphql";
import { CheckboxGroup } from "../shared/CheckboxGroup";
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
  const [problem, setProblem] = useState<string | null>(null);
  const labels = useTaxonomyLabels();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const birthYear = String(form.get("geboortejaar") ?? "").trim();
    setProblem(null);
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
      navigate(`/casussen/${result.data!.openCase.id}`);
    } catch (caught) {
      setProblem(errorMessage(caught, "Opslaan is niet gelukt. Probeer het opnieuw."));
    }
  };

  return (
    <details className="kk-new-case">
      <summary>Nieuwe casus</summary>
      <form onSubmit={onSubmit} className="kk-stack kk-wide-form">
        <p className="utrecht-paragraph">Leg alleen vast wat de keten nodig heeft. Geen BSN.</p>
        <ErrorAlert message={problem} />
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="casus-naam">
            Naam of initialen
          </label>
          <input
            id="casus-naam"
            name="naam"
            required
            maxLength={100}
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="casus-geboortejaar">
            Geboortejaar (niet verplicht)
          </label>
          <input
            id="casus-geboortejaar"
            name="geboortejaar"
            inputMode="numeric"
            pattern="[0-9]{4}"
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="casus-postcode">
            Postcode, alleen de vier cijfers (niet verplicht)
          </label>
          <input
            id="casus-postcode"
            name="postcode"
            inputMode="numeric"
            pattern="[1-9][0-9]{3}"
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
        <CheckboxGroup
          legend="Contactvoorkeur"
          name="contact"
          labels={labels?.contactPreferences}
        />
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="casus-taal">
            Taal- of leesbehoefte (niet verplicht)
          </label>
          <input
            id="casus-taal"
            name="taal"
            maxLength={300}
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="casus-rol">
            Rol van uw organisatie in de casus
          </label>
          <input
            id="casus-rol"
            name="rol"
            required
            defaultValue="Casusregie"
            maxLength={200}
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
        <button
          type="submit"
          className="utrecht-button utrecht-button--primary-action"
          disabled={loading}
        >
          Casus openen
        </button>
      </form>
    </details>
  );
}
