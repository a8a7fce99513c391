import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { graphql } from "../gql";
import { ProblemArea, useFormProblem } from "../shared/form";
import { CheckboxField, SelectField, TextField } from "../shared/fields";
import { useStatusMessage } from "../shared/StatusMessage";
import type { CaseTeam } from "./caseTeam";
import { isoDateFromToday } from "../shared/format";

const RecordMutation = graphql(`
  mutation RecordZorgoverleg($input: RecordZorgoverlegInput!) {
    recordZorgoverleg(input: $input) {
      id
      recordedAt
    }
  }
`);

interface AgreementRow {
  key: number;
  description: string;
  ownerOrganizationId: string;
  ownerUserId: string;
  dueOn: string;
}

const inTwoWeeks = () => isoDateFromToday({ days: 14 });

/**
 * The record of a held zorgoverleg: summary, how partners keep each other informed, any number
 * of agreements, and the regie decision. The server writes it all or nothing.
 */
export function RecordZorgoverlegForm(props: {
  meeting: { id: string; clientParticipates: boolean };
  team: CaseTeam;
  regieHolderName: string;
}) {
  const { meeting, team } = props;
  const prefix = `verslag-${meeting.id}`;
  const [record, { loading }] = useMutation(RecordMutation, { refetchQueries: "active" });
  const { problem, clear, fail } = useFormProblem();
  const announce = useStatusMessage();
  const firstOrganization = team[0]?.organization.id ?? "";
  const newRow = (key: number): AgreementRow => ({
    key,
    description: "",
    ownerOrganizationId: firstOrganization,
    ownerUserId: "",
    dueOn: inTwoWeeks(),
  });
  const [rows, setRows] = useState<AgreementRow[]>([newRow(1)]);
  const [regieTo, setRegieTo] = useState("");

  const change = (key: number, patch: Partial<AgreementRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const workersOf = (organizationId: string) =>
    team.find((member) => member.organization.id === organizationId)?.workers ?? [];

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    clear();
    try {
      await record({
        variables: {
          input: {
            zorgoverlegId: meeting.id,
            summary: text("samenvatting"),
            communicationAgreement: text("communicatie"),
            clientParticipated: form.get("inwoner") === "ja",
            agreements: rows.map((row) => ({
              description: row.description.trim(),
              ownerOrganizationId: row.ownerOrganizationId,
              ownerUserId: row.ownerUserId || null,
              dueOn: row.dueOn,
            })),
            regieDecision: regieTo
              ? {
                  toOrganizationId: regieTo,
                  toUserId: text("regie-medewerker") || null,
                  reason: text("regie-reden"),
                }
              : null,
          },
        },
      });
      const count = rows.length === 1 ? "1 afspraak" : `${rows.length} afspraken`;
      announce(`Het verslag van het zorgoverleg is vastgelegd, met ${count}.`);
    } catch (caught) {
      fail(caught, "Vastleggen is niet gelukt. Probeer het opnieuw.");
    }
  };

  return (
    <details>
      <summary>Verslag vastleggen</summary>
      <ProblemArea problem={problem}>
        <form onSubmit={onSubmit} className="kk-stack kk-wide-form">
          <TextField
            id={`${prefix}-samenvatting`}
            name="samenvatting"
            path="summary"
            label="Samenvatting"
            multiline
            required
            minLength={3}
            maxLength={5000}
          />
          <TextField
            id={`${prefix}-communicatie`}
            name="communicatie"
            path="communicationAgreement"
            label="Zo houden we elkaar op de hoogte"
            multiline
            required
            minLength={3}
            maxLength={2000}
          />
          <CheckboxField
            id={`${prefix}-inwoner`}
            name="inwoner"
            path="clientParticipated"
            value="ja"
            defaultChecked={meeting.clientParticipates}
            label="De inwoner heeft deelgenomen"
          />

          {rows.map((row, index) => (
            <fieldset
              key={row.key}
              className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset kk-stack"
            >
              <legend className="utrecht-form-fieldset__legend kk-filter-legend">
                Afspraak {index + 1}
              </legend>
              <TextField
                id={`${prefix}-${row.key}-wat`}
                path={`agreements.${index}.description`}
                label="Wat"
                value={row.description}
                onChange={(event) => change(row.key, { description: event.target.value })}
                required
                minLength={3}
                maxLength={1000}
              />
              <SelectField
                id={`${prefix}-${row.key}-organisatie`}
                path={`agreements.${index}.ownerOrganizationId`}
                label="Organisatie"
                value={row.ownerOrganizationId}
                onChange={(event) =>
                  change(row.key, { ownerOrganizationId: event.target.value, ownerUserId: "" })
                }
                options={team.map((member) => [member.organization.id, member.organization.name])}
              />
              <SelectField
                id={`${prefix}-${row.key}-medewerker`}
                path={`agreements.${index}.ownerUserId`}
                label="Medewerker (niet verplicht)"
                value={row.ownerUserId}
                onChange={(event) => change(row.key, { ownerUserId: event.target.value })}
                empty="Iemand van de organisatie"
                options={workersOf(row.ownerOrganizationId).map((worker) => [
                  worker.id,
                  worker.name,
                ])}
              />
              <TextField
                id={`${prefix}-${row.key}-datum`}
                path={`agreements.${index}.dueOn`}
                label="Uiterlijk klaar op"
                type="date"
                value={row.dueOn}
                onChange={(event) => change(row.key, { dueOn: event.target.value })}
                required
              />
              <button
                type="button"
                className="utrecht-button utrecht-button--subtle"
                onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
              >
                Afspraak {index + 1} verwijderen
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() =>
              setRows((current) => [
                ...current,
                newRow(Math.max(0, ...current.map((r) => r.key)) + 1),
              ])
            }
          >
            Afspraak toevoegen
          </button>

          <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset kk-stack">
            <legend className="utrecht-form-fieldset__legend kk-filter-legend">Regiebesluit</legend>
            <SelectField
              id={`${prefix}-regie`}
              path="regieDecision.toOrganizationId"
              label="Regie naar"
              value={regieTo}
              onChange={(event) => setRegieTo(event.target.value)}
              empty={`Blijft bij ${props.regieHolderName}`}
              options={team.map((member) => [member.organization.id, member.organization.name])}
            />
            {regieTo ? (
              <>
                <SelectField
                  id={`${prefix}-regie-medewerker`}
                  name="regie-medewerker"
                  path="regieDecision.toUserId"
                  label="Casemanager of procesregisseur (niet verplicht)"
                  empty="Iemand van de organisatie"
                  options={workersOf(regieTo).map((worker) => [worker.id, worker.name])}
                />
                <TextField
                  id={`${prefix}-regie-reden`}
                  name="regie-reden"
                  path="regieDecision.reason"
                  label="Waarom de regie overgaat"
                  multiline
                  required
                  minLength={3}
                  maxLength={1000}
                />
              </>
            ) : null}
          </fieldset>
          <button
            type="submit"
            className="utrecht-button utrecht-button--primary-action"
            disabled={loading}
          >
            Verslag vastleggen
          </button>
        </form>
      </ProblemArea>
    </details>
  );
}
