import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { type FragmentType, getFragmentData, graphql } from "../gql";
import type { LocationInput } from "../gql/graphql";
import { errorMessage } from "../shared/errors";
import { ErrorAlert } from "../shared/ErrorAlert";
import { ProblemArea, useFormProblem } from "../shared/form";
import { TextField } from "../shared/fields";
import { useStatusMessage } from "../shared/StatusMessage";

const LocationsEditorFragment = graphql(`
  fragment LocationsEditor on Organization {
    id
    locations {
      id
      name
      street
      postcode
      city
      latitude
      longitude
    }
  }
`);

const CreateLocationMutation = graphql(`
  mutation CreateLocation($organizationId: ID!, $input: LocationInput!) {
    createLocation(organizationId: $organizationId, input: $input) {
      id
    }
  }
`);

const UpdateLocationMutation = graphql(`
  mutation UpdateLocation($id: ID!, $input: LocationInput!) {
    updateLocation(id: $id, input: $input) {
      id
    }
  }
`);

const DeleteLocationMutation = graphql(`
  mutation DeleteLocation($id: ID!) {
    deleteLocation(id: $id)
  }
`);

type Location = {
  id: string;
  name?: string | null;
  street: string;
  postcode: string;
  city: string;
  latitude: number;
  longitude: number;
};

const coordinate = (form: FormData, name: string) => {
  const value = String(form.get(name) ?? "")
    .trim()
    .replace(",", ".");
  return value ? Number(value) : null;
};

function locationInput(form: FormData): LocationInput {
  return {
    name: String(form.get("naam") ?? "").trim() || null,
    street: String(form.get("straat") ?? "").trim(),
    postcode: String(form.get("postcode") ?? "").trim(),
    city: String(form.get("plaats") ?? "").trim(),
    latitude: coordinate(form, "breedtegraad"),
    longitude: coordinate(form, "lengtegraad"),
  };
}

/** The places where the organisation's offerings are given: add, correct, remove. */
export function LocationsEditor(props: {
  organization: FragmentType<typeof LocationsEditorFragment>;
}) {
  const organization = getFragmentData(LocationsEditorFragment, props.organization);
  const [remove] = useMutation(DeleteLocationMutation, { refetchQueries: "active" });
  const [removeProblem, setRemoveProblem] = useState<string | null>(null);
  const announce = useStatusMessage();

  return (
    <section aria-labelledby="locaties-kop">
      <h2 id="locaties-kop" className="utrecht-heading-2">
        Locaties
      </h2>
      <p className="utrecht-paragraph">
        Waar uw aanbod gegeven wordt. Zonder coördinaten gebruikt de sociale kaart het midden van
        het postcodegebied om afstanden te berekenen.
      </p>
      <ErrorAlert message={removeProblem} />
      {organization.locations.length === 0 ? (
        <p className="utrecht-paragraph">Uw organisatie heeft nog geen locaties.</p>
      ) : (
        <ul className="utrecht-unordered-list kk-stack">
          {organization.locations.map((location) => (
            <li key={location.id}>
              <strong>{location.name ?? location.street}</strong>
              <br />
              {location.street}, {location.postcode} {location.city}
              <details>
                <summary>
                  Wijzigen<span className="kk-visually-hidden"> {location.street}</span>
                </summary>
                <LocationForm location={location} organizationId={organization.id} />
              </details>
              <button
                type="button"
                className="utrecht-button utrecht-button--subtle"
                onClick={async () => {
                  setRemoveProblem(null);
                  try {
                    await remove({ variables: { id: location.id } });
                    announce(`De locatie ${location.street} is verwijderd.`);
                  } catch (caught) {
                    setRemoveProblem(errorMessage(caught, "Verwijderen is niet gelukt."));
                  }
                }}
              >
                Verwijderen<span className="kk-visually-hidden"> {location.street}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Nieuwe locatie</summary>
        <LocationForm organizationId={organization.id} />
      </details>
    </section>
  );
}

/** One form for a new location and for correcting an existing one. */
function LocationForm(props: { organizationId: string; location?: Location }) {
  const { location } = props;
  const [create, { loading: creating }] = useMutation(CreateLocationMutation, {
    refetchQueries: "active",
  });
  const [update, { loading: updating }] = useMutation(UpdateLocationMutation, {
    refetchQueries: "active",
  });
  const { problem, clear, fail } = useFormProblem();
  const announce = useStatusMessage();
  const id = (field: string) => `locatie-${location?.id ?? "nieuw"}-${field}`;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const input = locationInput(new FormData(formElement));
    clear();
    try {
      if (location) await update({ variables: { id: location.id, input } });
      else {
        await create({ variables: { organizationId: props.organizationId, input } });
        formElement.reset();
      }
      announce(`De locatie ${input.street} is opgeslagen.`);
    } catch (caught) {
      fail(caught, "Opslaan is niet gelukt. Probeer het opnieuw.");
    }
  };

  return (
    <ProblemArea problem={problem}>
      <form onSubmit={onSubmit} className="kk-stack">
        <TextField
          id={id("naam")}
          name="naam"
          path="name"
          label="Naam (niet verplicht)"
          maxLength={200}
          defaultValue={location?.name ?? ""}
        />
        <TextField
          id={id("straat")}
          name="straat"
          path="street"
          label="Straat en huisnummer"
          required
          maxLength={200}
          defaultValue={location?.street ?? ""}
        />
        <TextField
          id={id("postcode")}
          name="postcode"
          path="postcode"
          label="Postcode"
          required
          maxLength={10}
          autoComplete="postal-code"
          defaultValue={location?.postcode ?? ""}
        />
        <TextField
          id={id("plaats")}
          name="plaats"
          path="city"
          label="Plaats"
          required
          maxLength={100}
          defaultValue={location?.city ?? ""}
        />
        <TextField
          id={id("breedtegraad")}
          name="breedtegraad"
          path="latitude"
          label="Breedtegraad (niet verplicht, bijvoorbeeld 51,98)"
          inputMode="decimal"
          defaultValue={location ? String(location.latitude).replace(".", ",") : ""}
        />
        <TextField
          id={id("lengtegraad")}
          name="lengtegraad"
          path="longitude"
          label="Lengtegraad (niet verplicht, bijvoorbeeld 5,91)"
          inputMode="decimal"
          defaultValue={location ? String(location.longitude).replace(".", ",") : ""}
        />
        <button
          type="submit"
          className="utrecht-button utrecht-button--primary-action"
          disabled={creating || updating}
        >
          {location ? "Locatie opslaan" : "Locatie toevoegen"}
        </button>
      </form>
    </ProblemArea>
  );
}
