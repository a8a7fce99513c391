import { useMutation } from "@apollo/client/react";
import type { FormEvent } from "react";
import { graphql } from "../gql";
import type {
  Channel,
  ContactSignal,
  InBalance,
  NazorgAdjustmentKind,
  PaletteLevel,
} from "../gql/graphql";
import { useMe } from "../auth/session";
import {
  CheckboxField,
  CheckboxGroup,
  ProblemArea,
  RadioGroup,
  SelectField,
  TextField,
  useFormAction,
} from "../shared/form";
import { formatDate, isoDate } from "../shared/format";
import { useTaxonomyLabels } from "../shared/taxonomy";

const CreatePlanMutation = graphql(`
  mutation CreateNazorgPlan($input: CreateNazorgPlanInput!) {
    createNazorgPlan(input: $input) {
      id
    }
  }
`);

const UpdatePlanMutation = graphql(`
  mutation UpdateNazorgPlan($input: UpdateNazorgPlanInput!) {
    updateNazorgPlan(input: $input) {
      id
    }
  }
`);

const AdjustPlanMutation = graphql(`
  mutation AdjustNazorgPlan($input: AdjustNazorgPlanInput!) {
    adjustNazorgPlan(input: $input) {
      id
    }
  }
`);

const NotFeasibleMutation = graphql(`
  mutation RecordNazorgNotFeasible($caseId: ID!, $reason: String!) {
    recordNazorgNotFeasible(caseId: $caseId, reason: $reason) {
      id
    }
  }
`);

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
const refetchQueries = ["NazorgSection", "CasePage"];

const today = () => isoDate();

const optional = (value: FormDataEntryValue | null) => {
  const text = String(value ?? "").trim();
  return text === "" ? null : text;
};

function Submit({ loading, children }: { loading: boolean; children: string }) {
  return (
    <button
      type="submit"
      className="utrecht-button utrecht-button--primary-action"
      disabled={loading}
    >
      {children}
    </button>
  );
}

type Team = Array<{ id: string; name: string }>;

/**
 * The worker who holds the contacts: the logged-in worker when "ik zelf" is ticked and the
 * chosen organisation is theirs, otherwise `otherwise`.
 */
function responsibleWorker(
  form: FormData,
  me: ReturnType<typeof useMe>,
  organizationId: string,
  otherwise: string | null,
): string | null {
  return form.get("ikzelf") === "ja" && me?.organization.id === organizationId ? me.id : otherwise;
}

/** The plan at the end of the trajectory: 12 months, or 24 from a saneringskrediet. */
export function CreatePlanForm({ caseId, team }: { caseId: string; team: Team }) {
  const me = useMe();
  const labels = useTaxonomyLabels();
  const [create, { loading }] = useMutation(CreatePlanMutation, { refetchQueries });
  const { problem, run } = useFormAction("Opstellen is niet gelukt. Probeer het opnieuw.");

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const organizationId = String(form.get("organisatie"));
    const saneringskrediet = form.get("krediet") === "ja";
    const duration = optional(form.get("duur"));
    await run(
      () =>
        create({
          variables: {
            input: {
              caseId,
              trajectoryEndedOn: optional(form.get("einde")),
              saneringskrediet,
              creditGrantedOn: saneringskrediet ? optional(form.get("kredietdatum")) : null,
              durationMonths: duration ? Number(duration) : null,
              responsibleOrganizationId: organizationId,
              responsibleUserId: responsibleWorker(form, me, organizationId, null),
              paletteLevel: optional(form.get("palet")) as PaletteLevel | null,
              clientWishes: optional(form.get("wensen")),
            },
          },
        }),
      "Het nazorgplan is opgesteld. De casus staat nu in de fase nazorg.",
    );
  };

  return (
    <details open>
      <summary>Nazorgplan opstellen</summary>
      <form onSubmit={onSubmit} className="kk-stack">
        <ProblemArea problem={problem}>
          <TextField
            id="nazorg-einde"
            name="einde"
            path="trajectoryEndedOn"
            type="date"
            label="Einde van het traject"
            defaultValue={today()}
          />
          <CheckboxField
            id="nazorg-krediet"
            name="krediet"
            value="ja"
            path="saneringskrediet"
            label="Na een saneringskrediet (nazorg 24 maanden vanaf de verstrekking)"
          />
          <TextField
            id="nazorg-kredietdatum"
            name="kredietdatum"
            path="creditGrantedOn"
            type="date"
            label="Datum van verstrekking van het krediet"
          />
          <TextField
            id="nazorg-duur"
            name="duur"
            path="durationMonths"
            type="number"
            min={1}
            max={60}
            label="Duur in maanden (leeg: 12, of 24 na een saneringskrediet)"
          />
          <SelectField
            id="nazorg-organisatie"
            name="organisatie"
            path="responsibleOrganizationId"
            label="Verantwoordelijke organisatie"
            options={team.map((organization) => [organization.id, organization.name])}
            defaultValue={me?.organization.id}
          />
          <CheckboxField
            id="nazorg-ikzelf"
            name="ikzelf"
            value="ja"
            defaultChecked
            path="responsibleUserId"
            label="Ik ben de vaste contactpersoon"
          />
          <SelectField
            id="nazorg-palet"
            name="palet"
            path="paletteLevel"
            label="Afgesproken plek op het palet"
            empty="Nog niet afgesproken"
            options={Object.entries(labels?.paletteLevels ?? {}).map(([value, label]) => [
              value,
              `${value}: ${label}`,
            ])}
          />
          <TextField
            multiline
            id="nazorg-wensen"
            name="wensen"
            path="clientWishes"
            label="Eigen wensen van de inwoner voor nazorg"
            maxLength={2000}
          />
          <Submit loading={loading}>Nazorgplan opstellen</Submit>
        </ProblemArea>
      </form>
    </details>
  );
}

/** Who does the nazorg, the palette level and the client's wishes. */
export function UpdatePlanForm(props: {
  planId: string;
  team: Team;
  responsibleOrganizationId: string;
  responsibleUserId: string | null;
  paletteLevel: string | null;
  clientWishes: string;
}) {
  const me = useMe();
  const labels = useTaxonomyLabels();
  const [update, { loading }] = useMutation(UpdatePlanMutation, { refetchQueries });
  const { problem, run } = useFormAction("Wijzigen is niet gelukt. Probeer het opnieuw.");

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const organizationId = String(form.get("organisatie"));
    const keepWorker =
      organizationId === props.responsibleOrganizationId ? props.responsibleUserId : null;
    await run(
      () =>
        update({
          variables: {
            input: {
              planId: props.planId,
              responsibleOrganizationId: organizationId,
              responsibleUserId: responsibleWorker(form, me, organizationId, keepWorker),
              paletteLevel: optional(form.get("palet")) as PaletteLevel | null,
              clientWishes: optional(form.get("wensen")),
            },
          },
        }),
      "Het nazorgplan is opgeslagen.",
    );
  };

  return (
    <details>
      <summary>Plan wijzigen</summary>
      <form onSubmit={onSubmit} className="kk-stack">
        <ProblemArea problem={problem}>
          <SelectField
            id="nazorg-wijzig-organisatie"
            name="organisatie"
            path="responsibleOrganizationId"
            label="Verantwoordelijke organisatie"
            options={props.team.map((organization) => [organization.id, organization.name])}
            defaultValue={props.responsibleOrganizationId}
          />
          <CheckboxField
            id="nazorg-wijzig-ikzelf"
            name="ikzelf"
            value="ja"
            defaultChecked={props.responsibleUserId === me?.id}
            path="responsibleUserId"
            label="Ik ben de vaste contactpersoon"
          />
          <SelectField
            id="nazorg-wijzig-palet"
            name="palet"
            path="paletteLevel"
            label="Afgesproken plek op het palet"
            empty="Nog niet afgesproken"
            defaultValue={props.paletteLevel ?? ""}
            options={Object.entries(labels?.paletteLevels ?? {}).map(([value, label]) => [
              value,
              `${value}: ${label}`,
            ])}
          />
          <TextField
            multiline
            id="nazorg-wijzig-wensen"
            name="wensen"
            path="clientWishes"
            label="Eigen wensen van de inwoner voor nazorg"
            defaultValue={props.clientWishes}
            maxLength={2000}
          />
          <Submit loading={loading}>Plan opslaan</Submit>
        </ProblemArea>
      </form>
    </details>
  );
}

/** Extend, intensify or shorten, with the reason agreed with the client. */
export function AdjustPlanForm({
  planId,
  durationMonths,
}: {
  planId: string;
  durationMonths: number;
}) {
  const labels = useTaxonomyLabels();
  const [adjust, { loading }] = useMutation(AdjustPlanMutation, { refetchQueries });
  const { problem, run } = useFormAction("Aanpassen is niet gelukt. Probeer het opnieuw.");

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const duration = optional(form.get("duur"));
    const extra = optional(form.get("extra"));
    const done = await run(
      () =>
        adjust({
          variables: {
            input: {
              planId,
              kind: String(form.get("soort")) as NazorgAdjustmentKind,
              reason: String(form.get("reden")),
              durationMonths: duration ? Number(duration) : null,
              paletteLevel: optional(form.get("palet")) as PaletteLevel | null,
              addPlannedOn: extra ? [extra] : null,
            },
          },
        }),
      "Het nazorgplan is aangepast; de reden staat in de geschiedenis.",
    );
    if (done) formElement.reset();
  };

  return (
    <details>
      <summary>Verlengen, intensiveren of verkorten</summary>
      <form onSubmit={onSubmit} className="kk-stack">
        <ProblemArea problem={problem}>
          <SelectField
            id="nazorg-soort"
            name="soort"
            path="kind"
            label="Wat verandert"
            options={[
              ["EXTEND", "Verlengen"],
              ["INTENSIFY", "Intensiveren"],
              ["SHORTEN", "Verkorten"],
            ]}
          />
          <TextField
            id="nazorg-nieuwe-duur"
            name="duur"
            path="durationMonths"
            type="number"
            min={1}
            max={60}
            label={`Nieuwe duur in maanden (nu ${durationMonths}; bij verlengen of verkorten)`}
          />
          <SelectField
            id="nazorg-nieuw-palet"
            name="palet"
            path="paletteLevel"
            label="Intensievere plek op het palet (bij intensiveren)"
            empty="Geen wijziging"
            options={Object.entries(labels?.paletteLevels ?? {}).map(([value, label]) => [
              value,
              `${value}: ${label}`,
            ])}
          />
          <TextField
            id="nazorg-extra"
            name="extra"
            path="addPlannedOn"
            type="date"
            label="Extra contactmoment (bij intensiveren)"
          />
          <TextField
            multiline
            id="nazorg-reden"
            name="reden"
            path="reason"
            label="Reden, met de inwoner afgesproken"
            required
            maxLength={1000}
          />
          <Submit loading={loading}>Plan aanpassen</Submit>
        </ProblemArea>
      </form>
    </details>
  );
}

/** When nazorg is not feasible, the reason is recorded in the case. */
export function NotFeasibleForm({ caseId }: { caseId: string }) {
  const [record, { loading }] = useMutation(NotFeasibleMutation, { refetchQueries });
  const { problem, run } = useFormAction("Vastleggen is niet gelukt. Probeer het opnieuw.");

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await run(
      () => record({ variables: { caseId, reason: String(form.get("reden")) } }),
      "Vastgelegd dat nazorg niet haalbaar is, met de reden.",
    );
  };

  return (
    <details>
      <summary>Nazorg is niet haalbaar</summary>
      <form onSubmit={onSubmit} className="kk-stack">
        <ProblemArea problem={problem}>
          <TextField
            multiline
            id="nazorg-niet-haalbaar"
            name="reden"
            path="reason"
            label="Waarom nazorg niet haalbaar is"
            required
            maxLength={2000}
          />
          <Submit loading={loading}>Niet haalbaar vastleggen</Submit>
        </ProblemArea>
      </form>
    </details>
  );
}

/** A held contact: when, how, by whom, in balance or not, signals and the follow-up. */
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
