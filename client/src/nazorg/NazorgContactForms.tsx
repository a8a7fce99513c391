import { useMutation } from "@apollo/client/react";
import type { FormEvent } from "react";
import { graphql } from "../gql";
import type { Channel, ContactSignal, InBalance } from "../gql/graphql";
import { ProblemArea, useFormAction } from "../shared/form";
import { CheckboxGroup, RadioGroup, SelectField, TextField } from "../shared/fields";
import { formatDate } from "../shared/format";
import { useTaxonomyLabels } from "../shared/taxonomy";
import { optional, refetchQueries, Submit, today } from "./nazorgForm";

const RegisterContactMutation = graphql(`
  mutation RegisterNazorgContact($input: RegisterNazorgContactInput!) {
    registerNazorgContact(input: $input) {
      id
    }
  }
`);

const PlanContactMutation = graphql(`
  mutation PlanNazorgContact($planId: ID!, $plannedOn: String!) {
    planNazorgContact(planId: $planId, plannedOn: $plannedOn) {
      id
    }
  }
`);

const MoveContactMutation = graphql(`
  mutation MoveNazorgContact($contactId: ID!, $plannedOn: String!) {
    moveNazorgContact(contactId: $contactId, plannedOn: $plannedOn) {
      id
    }
  }
`);

const RemoveContactMutation = graphql(`
  mutation RemoveNazorgContact($contactId: ID!) {
    removeNazorgContact(contactId: $contactId) {
      id
    }
  }
`);

// Everything on the case page that shows nazorg (and the phase) reloads after a change.

export function RegisterContactForm(props: {
  planId: string;
  openMoments: Array<{ id: string; plannedOn?: string | null; isOverdue: boolean }>;
}) {
  const labels = useTaxonomyLabels();
  const [register, { loading }] = useMutation(RegisterContactMutation, {
    refetchQueries: [...refetchQueries, "Dashboard"],
  });
  const { problem, run } = useFormAction("Vastleggen is niet gelukt. Probeer het opnieuw.");

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const done = await run(
      () =>
        register({
          variables: {
            input: {
              planId: props.planId,
              contactId: optional(form.get("moment")),
              heldOn: String(form.get("datum")),
              channel: String(form.get("kanaal")) as Channel,
              inBalance: String(form.get("balans")) as InBalance,
              signals: form.getAll("signalen").map(String) as ContactSignal[],
              note: optional(form.get("notitie")),
              followUp: optional(form.get("vervolg")),
            },
          },
        }),
      "Het contact is vastgelegd.",
    );
    if (done) formElement.reset();
  };

  return (
    <details open>
      <summary>Contact vastleggen</summary>
      <form onSubmit={onSubmit} className="kk-stack">
        <ProblemArea problem={problem}>
          <SelectField
            id="contact-moment"
            name="moment"
            path="contactId"
            label="Welk contactmoment"
            empty="Ongepland contact"
            defaultValue={props.openMoments[0]?.id ?? ""}
            options={props.openMoments.map((moment) => [
              moment.id,
              `Gepland op ${formatDate(moment.plannedOn!)}${moment.isOverdue ? " (te laat)" : ""}`,
            ])}
          />
          <TextField
            id="contact-datum"
            name="datum"
            path="heldOn"
            type="date"
            label="Datum van het contact"
            required
            defaultValue={today()}
          />
          <SelectField
            id="contact-kanaal"
            name="kanaal"
            path="channel"
            label="Kanaal"
            options={Object.entries(labels?.channels ?? {})}
          />
          <RadioGroup
            legend="Inkomsten en uitgaven in balans?"
            name="balans"
            path="inBalance"
            required
            labels={labels?.inBalance}
          />
          <CheckboxGroup
            legend="Signalen"
            name="signalen"
            path="signals"
            labels={labels?.contactSignals}
          />
          <TextField
            multiline
            id="contact-notitie"
            name="notitie"
            path="note"
            label="Notitie"
            maxLength={2000}
          />
          <TextField
            multiline
            id="contact-vervolg"
            name="vervolg"
            path="followUp"
            label="Vervolg (bijvoorbeeld een nieuwe verwijzing)"
            maxLength={1000}
          />
          <Submit loading={loading}>Contact vastleggen</Submit>
        </ProblemArea>
      </form>
    </details>
  );
}

/** Adds a planned contact moment. */
export function AddContactForm({ planId }: { planId: string }) {
  const [plan, { loading }] = useMutation(PlanContactMutation, { refetchQueries });
  const { problem, run } = useFormAction("Plannen is niet gelukt. Probeer het opnieuw.");

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const plannedOn = String(form.get("datum"));
    await run(
      () => plan({ variables: { planId, plannedOn } }),
      `Contactmoment toegevoegd op ${formatDate(plannedOn)}.`,
    );
  };

  return (
    <details>
      <summary>Contactmoment toevoegen</summary>
      <form onSubmit={onSubmit} className="kk-stack">
        <ProblemArea problem={problem}>
          <TextField
            id="contact-nieuw"
            name="datum"
            path="plannedOn"
            type="date"
            label="Geplande datum"
            required
          />
          <Submit loading={loading}>Contactmoment toevoegen</Submit>
        </ProblemArea>
      </form>
    </details>
  );
}

/** Move or remove a moment that has not been held. */
export function ContactActions({ contactId, plannedOn }: { contactId: string; plannedOn: string }) {
  const [move, moving] = useMutation(MoveContactMutation, { refetchQueries });
  const [remove, removing] = useMutation(RemoveContactMutation, { refetchQueries });
  const { problem, run } = useFormAction("Dat is niet gelukt. Probeer het opnieuw.");
  const inputId = `verzet-${contactId}`;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const to = String(form.get("datum"));
    await run(
      () => move({ variables: { contactId, plannedOn: to } }),
      `Contactmoment verzet naar ${formatDate(to)}.`,
    );
  };

  return (
    <ProblemArea problem={problem}>
      <form onSubmit={onSubmit} className="kk-inline-form">
        <TextField
          id={inputId}
          name="datum"
          path="plannedOn"
          type="date"
          required
          defaultValue={plannedOn}
          label={
            <>
              Verzetten naar
              <span className="kk-visually-hidden"> (gepland op {formatDate(plannedOn)})</span>
            </>
          }
        />{" "}
        <button
          type="submit"
          className="utrecht-button utrecht-button--secondary-action"
          disabled={moving.loading}
        >
          Verzetten
        </button>{" "}
        <button
          type="button"
          className="utrecht-button utrecht-button--subtle"
          disabled={removing.loading}
          onClick={() =>
            void run(
              () => remove({ variables: { contactId } }),
              `Contactmoment van ${formatDate(plannedOn)} geschrapt.`,
            )
          }
        >
          Schrappen
        </button>
      </form>
    </ProblemArea>
  );
}
