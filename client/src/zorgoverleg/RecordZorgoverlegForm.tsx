import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { graphql } from "../gql";
import { ErrorAlert } from "../shared/ErrorAlert";
import { errorMessage } from "../shared/errors";
import type { CaseTeam } from "./ZorgoverlegSection";
import { isoDate } from "../shared/format";

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

const inTwoWeeks = () => {
  const date = new Date();
  date.setDate(date.getDate() + 14);
  return isoDate(date);
};

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
  const [problem, setProblem] = useState<string | null>(null);
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
    setProblem(null);
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
    } catch (caught) {
      setProblem(errorMessage(caught, "Vastleggen is niet gelukt. Probeer het opnieuw."));
    }
  };

  return (
    <details>
      <summary>Verslag vastleggen</summary>
      <form onSubmit={onSubmit} className="kk-stack kk-wide-form">
        <ErrorAlert message={problem} />
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor={`${prefix}-samenvatting`}>
            Samenvatting
          </label>
          <textarea
            id={`${prefix}-samenvatting`}
            name="samenvatting"
            required
            minLength={3}
            maxLength={5000}
            className="utrecht-textarea utrecht-textarea--html-textarea"
          />
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor={`${prefix}-communicatie`}>
            Zo houden we elkaar op de hoogte
          </label>
          <textarea
            id={`${prefix}-communicatie`}
            name="communicatie"
            required
            minLength={3}
            maxLength={2000}
            className="utrecht-textarea utrecht-textarea--html-textarea"
          />
        </div>
        <div className="kk-filter-option">
          <input
            id={`${prefix}-inwoner`}
            name="inwoner"
            value="ja"
            type="checkbox"
            defaultChecked={meeting.clientParticipates}
            className="utrecht-checkbox utrecht-checkbox--html-input"
          />
          <label
            htmlFor={`${prefix}-inwoner`}
            className="utrecht-form-label utrecht-form-label--checkbox"
          >
            De inwoner heeft deelgenomen
          </label>
        </div>

        {rows.map((row, index) => (
          <fieldset
            key={row.key}
            className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset kk-stack"
          >
            <legend className="utrecht-form-fieldset__legend kk-filter-legend">
              Afspraak {index + 1}
            </legend>
            <div className="utrecht-form-field">
              <label className="utrecht-form-label" htmlFor={`${prefix}-${row.key}-wat`}>
                Wat
              </label>
              <input
                id={`${prefix}-${row.key}-wat`}
                value={row.description}
                onChange={(event) => change(row.key, { description: event.target.value })}
                required
                minLength={3}
                maxLength={1000}
                className="utrecht-textbox utrecht-textbox--html-input"
              />
            </div>
            <div className="utrecht-form-field">
              <label className="utrecht-form-label" htmlFor={`${prefix}-${row.key}-organisatie`}>
                Organisatie
              </label>
              <select
                id={`${prefix}-${row.key}-organisatie`}
                value={row.ownerOrganizationId}
                onChange={(event) =>
                  change(row.key, { ownerOrganizationId: event.target.value, ownerUserId: "" })
                }
                className="utrecht-select utrecht-select--html-select"
              >
                {team.map((member) => (
                  <option key={member.organization.id} value={member.organization.id}>
                    {member.organization.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="utrecht-form-field">
              <label className="utrecht-form-label" htmlFor={`${prefix}-${row.key}-medewerker`}>
                Medewerker (niet verplicht)
              </label>
              <select
                id={`${prefix}-${row.key}-medewerker`}
                value={row.ownerUserId}
                onChange={(event) => change(row.key, { ownerUserId: event.target.value })}
                className="utrecht-select utrecht-select--html-select"
              >
                <option value="">Iemand van de organisatie</option>
                {workersOf(row.ownerOrganizationId).map((worker) => (
                  <option key={worker.id} value={worker.id}>
                    {worker.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="utrecht-form-field">
              <label className="utrecht-form-label" htmlFor={`${prefix}-${row.key}-datum`}>
                Uiterlijk klaar op
              </label>
              <input
                id={`${prefix}-${row.key}-datum`}
                type="date"
                value={row.dueOn}
                onChange={(event) => change(row.key, { dueOn: event.target.value })}
                required
                className="utrecht-textbox utrecht-textbox--html-input"
              />
            </div>
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
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor={`${prefix}-regie`}>
              Regie naar
            </label>
            <select
              id={`${prefix}-regie`}
              value={regieTo}
              onChange={(event) => setRegieTo(event.target.value)}
              className="utrecht-select utrecht-select--html-select"
            >
              <option value="">Blijft bij {props.regieHolderName}</option>
              {team.map((member) => (
                <option key={member.organization.id} value={member.organization.id}>
                  {member.organization.name}
                </option>
              ))}
            </select>
          </div>
          {regieTo ? (
            <>
              <div className="utrecht-form-field">
                <label className="utrecht-form-label" htmlFor={`${prefix}-regie-medewerker`}>
                  Casemanager of procesregisseur (niet verplicht)
                </label>
                <select
                  id={`${prefix}-regie-medewerker`}
                  name="regie-medewerker"
                  className="utrecht-select utrecht-select--html-select"
                >
                  <option value="">Iemand van de organisatie</option>
                  {workersOf(regieTo).map((worker) => (
                    <option key={worker.id} value={worker.id}>
                      {worker.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="utrecht-form-field">
                <label className="utrecht-form-label" htmlFor={`${prefix}-regie-reden`}>
                  Waarom de regie overgaat
                </label>
                <textarea
                  id={`${prefix}-regie-reden`}
                  name="regie-reden"
                  required
                  minLength={3}
                  maxLength={1000}
                  className="utrecht-textarea utrecht-textarea--html-textarea"
                />
              </div>
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
    </details>
  );
}
