import { useMutation } from "@apollo/client/react";
import type { FormEvent } from "react";
import { graphql } from "../gql";
import type { NazorgAdjustmentKind, PaletteLevel } from "../gql/graphql";
import { useMe } from "../auth/session";
import { ProblemArea, useFormAction } from "../shared/form";
import { CheckboxField, SelectField, TextField } from "../shared/fields";
import { useTaxonomyLabels } from "../shared/taxonomy";
import {
  optional,
  refetchQueries,
  responsibleWorker,
  Submit,
  type Team,
  today,
} from "./nazorgForm";

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
