import { useMutation, useQuery } from "@apollo/client/react";
import type { FormEvent } from "react";
import { graphql } from "../gql";
import type { ZorgoverlegSectionQuery } from "../gql/graphql";
import { ProblemArea, useFormProblem } from "../shared/form";
import { CheckboxField, SelectField, TextField } from "../shared/fields";
import { formatDate, formatDateTime } from "../shared/format";
import { useStatusMessage } from "../shared/StatusMessage";
import { agreementStatusLabels } from "./agreementStatus";
import type { CaseTeam } from "./caseTeam";
import { RecordZorgoverlegForm } from "./RecordZorgoverlegForm";

const ZorgoverlegSectionQueryDocument = graphql(`
  query ZorgoverlegSection($caseId: ID!) {
    case(id: $caseId) {
      id
      team {
        hasAccess
        organization {
          id
          name
        }
        workers {
          id
          name
        }
      }
      regieHolder {
        organization {
          id
          name
        }
      }
      zorgoverleggen {
        id
        startsAt
        endsAt
        location
        videoLink
        clientParticipates
        summary
        communicationAgreement
        recordedAt
        invitationUrl
        organizer {
          name
        }
        invitees {
          organization {
            id
            name
          }
          user {
            id
            name
          }
        }
        agreements {
          id
          description
          dueOn
          status
          isOverdue
          ownerOrganization {
            name
          }
          ownerUser {
            name
          }
        }
        regieDecision {
          reason
          organization {
            name
          }
          user {
            name
          }
        }
      }
    }
    organizations {
      id
      name
    }
  }
`);

const ScheduleMutation = graphql(`
  mutation ScheduleZorgoverleg($input: ScheduleZorgoverlegInput!) {
    scheduleZorgoverleg(input: $input) {
      id
    }
  }
`);

type Meeting = NonNullable<ZorgoverlegSectionQuery["case"]>["zorgoverleggen"][number];

/** The zorgoverleggen of a case: plan one, record what was agreed, and see what was. */
export function ZorgoverlegSection({ caseId }: { caseId: string }) {
  const { data } = useQuery(ZorgoverlegSectionQueryDocument, { variables: { caseId } });
  const careCase = data?.case;
  if (!careCase) return null;
  const team: CaseTeam = careCase.team.filter((member) => member.hasAccess);
  return (
    <section aria-labelledby="zorgoverleg">
      <h2 id="zorgoverleg" className="utrecht-heading-2">
        Zorgoverleg
      </h2>
      {careCase.zorgoverleggen.length === 0 ? (
        <p className="utrecht-paragraph">Nog geen zorgoverleg gepland.</p>
      ) : (
        careCase.zorgoverleggen.map((meeting) => (
          <MeetingArticle
            key={meeting.id}
            meeting={meeting}
            team={team}
            regieHolderName={careCase.regieHolder.organization.name}
          />
        ))
      )}
      <ScheduleForm caseId={careCase.id} team={team} organizations={data.organizations} />
    </section>
  );
}

function MeetingArticle(props: { meeting: Meeting; team: CaseTeam; regieHolderName: string }) {
  const { meeting } = props;
  const headingId = `zorgoverleg-${meeting.id}`;
  return (
    <article aria-labelledby={headingId} className="kk-result" id={headingId + "-details"}>
      <h3 id={headingId} className="utrecht-heading-3">
        Zorgoverleg van {formatDateTime(meeting.startsAt)}
      </h3>
      <p className="utrecht-paragraph">
        <strong>{meeting.recordedAt ? "Vastgelegd" : "Gepland"}</strong> · georganiseerd door{" "}
        {meeting.organizer.name}
        {meeting.location ? ` · ${meeting.location}` : ""}
        {meeting.videoLink ? (
          <>
            {" · "}
            <a className="utrecht-link" href={meeting.videoLink} rel="noreferrer" target="_blank">
              Videogesprek
            </a>
          </>
        ) : null}
      </p>
      <p className="utrecht-paragraph">
        Uitgenodigd:{" "}
        {meeting.invitees.length === 0
          ? "niemand apart"
          : meeting.invitees
              .map((i) =>
                i.user ? `${i.user.name} (${i.organization.name})` : i.organization.name,
              )
              .join(", ")}
        . {meeting.clientParticipates ? "De inwoner neemt deel." : "De inwoner neemt niet deel."}{" "}
        <a className="utrecht-link" href={meeting.invitationUrl} download>
          Uitnodiging voor de agenda (.ics)
        </a>
      </p>
      {meeting.recordedAt ? (
        <>
          <h4 className="utrecht-heading-4">Samenvatting</h4>
          <p className="utrecht-paragraph">{meeting.summary}</p>
          <h4 className="utrecht-heading-4">Zo houden we elkaar op de hoogte</h4>
          <p className="utrecht-paragraph">{meeting.communicationAgreement}</p>
          <h4 className="utrecht-heading-4">Afspraken</h4>
          {meeting.agreements.length === 0 ? (
            <p className="utrecht-paragraph">Geen afspraken vastgelegd.</p>
          ) : (
            <table className="kk-table">
              <caption className="kk-visually-hidden">
                Afspraken uit het zorgoverleg van {formatDate(meeting.startsAt)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Wat</th>
                  <th scope="col">Wie</th>
                  <th scope="col">Uiterlijk</th>
                  <th scope="col">Stand</th>
                </tr>
              </thead>
              <tbody>
                {meeting.agreements.map((agreement) => (
                  <tr key={agreement.id}>
                    <td>{agreement.description}</td>
                    <td>
                      {agreement.ownerOrganization.name}
                      {agreement.ownerUser ? ` (${agreement.ownerUser.name})` : ""}
                    </td>
                    <td>{formatDate(agreement.dueOn)}</td>
                    <td className={agreement.isOverdue ? "kk-overdue" : undefined}>
                      {agreement.isOverdue
                        ? "Te laat"
                        : (agreementStatusLabels[agreement.status] ?? agreement.status)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h4 className="utrecht-heading-4">Regiebesluit</h4>
          <p className="utrecht-paragraph">
            {meeting.regieDecision
              ? `De regie gaat naar ${meeting.regieDecision.organization.name}${
                  meeting.regieDecision.user ? `, ${meeting.regieDecision.user.name}` : ""
                }: ${meeting.regieDecision.reason}`
              : "De regie bleef waar ze was."}
          </p>
        </>
      ) : (
        <RecordZorgoverlegForm
          meeting={meeting}
          team={props.team}
          regieHolderName={props.regieHolderName}
        />
      )}
    </article>
  );
}

function ScheduleForm(props: {
  caseId: string;
  team: CaseTeam;
  organizations: Array<{ id: string; name: string }>;
}) {
  const [schedule, { loading }] = useMutation(ScheduleMutation, { refetchQueries: "active" });
  const { problem, clear, fail, report } = useFormProblem();
  const announce = useStatusMessage();
  const teamIds = new Set(props.team.map((member) => member.organization.id));
  const outside = props.organizations.filter((organization) => !teamIds.has(organization.id));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? "").trim() || null;
    const invitees = form.getAll("uitnodigen").map((value) => {
      const organizationId = String(value);
      return { organizationId, userId: text(`medewerker-${organizationId}`) };
    });
    const other = text("buiten-team");
    if (other) invitees.push({ organizationId: other, userId: null });
    const startsAt = new Date(String(form.get("start")));
    if (Number.isNaN(startsAt.getTime())) {
      report("Kies datum en tijd van het overleg.", "startsAt");
      return;
    }
    clear();
    try {
      await schedule({
        variables: {
          input: {
            caseId: props.caseId,
            startsAt: startsAt.toISOString(),
            durationMinutes: Number(form.get("duur")),
            location: text("plaats"),
            videoLink: text("videolink"),
            clientParticipates: form.get("inwoner") === "ja",
            invitees,
          },
        },
      });
      formElement.reset();
      announce(
        `Zorgoverleg gepland op ${formatDateTime(startsAt.toISOString())}. De genodigden zien het bij deze casus.`,
      );
    } catch (caught) {
      fail(caught, "Plannen is niet gelukt. Probeer het opnieuw.");
    }
  };

  return (
    <details>
      <summary>Zorgoverleg plannen</summary>
      <ProblemArea problem={problem}>
        <form onSubmit={onSubmit} className="kk-stack kk-wide-form">
          <TextField
            id="zorgoverleg-start"
            name="start"
            path="startsAt"
            label="Datum en tijd"
            type="datetime-local"
            required
          />
          <TextField
            id="zorgoverleg-duur"
            name="duur"
            path="durationMinutes"
            label="Duur in minuten"
            type="number"
            min={15}
            max={480}
            step={15}
            defaultValue={60}
            required
          />
          <TextField
            id="zorgoverleg-plaats"
            name="plaats"
            path="location"
            label="Plaats"
            maxLength={300}
          />
          <TextField
            id="zorgoverleg-videolink"
            name="videolink"
            path="videoLink"
            label="Of een videolink (https://…)"
            type="url"
            maxLength={500}
          />
          <CheckboxField
            id="zorgoverleg-inwoner"
            name="inwoner"
            path="clientParticipates"
            value="ja"
            label="De inwoner neemt deel"
          />
          <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
            <legend className="utrecht-form-fieldset__legend kk-filter-legend">
              Uitnodigen uit het casusteam
            </legend>
            {props.team.map((member) => (
              <div key={member.organization.id} className="utrecht-form-field">
                <CheckboxField
                  id={`uitnodigen-${member.organization.id}`}
                  name="uitnodigen"
                  path=""
                  value={member.organization.id}
                  label={member.organization.name}
                />
                <SelectField
                  id={`medewerker-${member.organization.id}`}
                  name={`medewerker-${member.organization.id}`}
                  path=""
                  label={`Medewerker van ${member.organization.name}`}
                  empty="Wie de organisatie stuurt"
                  options={member.workers.map((worker) => [worker.id, worker.name])}
                />
              </div>
            ))}
          </fieldset>
          <SelectField
            id="zorgoverleg-buiten-team"
            name="buiten-team"
            path="invitees"
            label="Organisatie buiten het casusteam (alleen met toestemming van de inwoner)"
            empty="Geen"
            options={outside.map((organization) => [organization.id, organization.name])}
          />
          <button
            type="submit"
            className="utrecht-button utrecht-button--primary-action"
            disabled={loading}
          >
            Zorgoverleg plannen
          </button>
        </form>
      </ProblemArea>
    </details>
  );
}
