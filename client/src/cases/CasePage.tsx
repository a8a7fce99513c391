import { useMutation, useQuery } from "@apollo/client/react";
import type { FormEvent } from "react";
import { Link, useParams } from "react-router";
import { graphql } from "../gql";
import { paramsFromSearch } from "../search/searchParams";
import { ProblemArea, useFormProblem } from "../shared/form";
import { SelectField, TextField } from "../shared/fields";
import { Item } from "../shared/ContactPoint";
import { formatDate, formatDateTime } from "../shared/format";
import { PageError, PageLoading, PageNotFound } from "../shared/PageStates";
import { useStatusMessage } from "../shared/StatusMessage";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { useTaxonomyLabels } from "../shared/taxonomy";
import { caseReference } from "./caseReference";
import type { TeamMemberBasis } from "../gql/graphql";
import { RecordConsentForm, WithdrawConsentButton } from "./ConsentForms";
import { ZorgoverlegSection } from "../zorgoverleg/ZorgoverlegSection";
import { NazorgSection } from "../nazorg/NazorgSection";

const CasePageQuery = graphql(`
  query CasePage($id: ID!) {
    case(id: $id) {
      id
      phase
      client {
        id
        displayName
        birthYear
        postcodeArea
        languageNeeds
        gemeente {
          name
        }
        consents {
          id
          purpose
          dataCategories
          validUntil
          isValid
          withdrawnAt
          recipients {
            id
            name
          }
        }
      }
      team {
        role
        basis
        hasAccess
        organization {
          id
          name
        }
      }
      regieHolder {
        id
        startedAt
        reason
        organization {
          id
          name
        }
        user {
          name
        }
      }
      regieHistory {
        startedAt
        endedAt
        reason
        zorgoverleg {
          id
          startsAt
        }
        organization {
          name
        }
        user {
          name
        }
        decidedBy {
          name
        }
      }
      referrals {
        id
        state
        createdAt
        lifeDomains
        offering {
          module
        }
        events {
          toState
          at
          note
          organization {
            name
          }
        }
        offering {
          title
        }
        receiver {
          name
        }
      }
    }
  }
`);

const TransferRegieMutation = graphql(`
  mutation TransferRegie($input: TransferRegieInput!) {
    transferRegie(input: $input) {
      id
    }
  }
`);

/** One case: who holds regie (prominently) and since when, its history, team, consents, referrals. */
export function CasePage() {
  const { id = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(CasePageQuery, { variables: { id } });
  const careCase = data?.case;
  const labels = useTaxonomyLabels();
  // The title lands in the browser's history: the case's reference, never the client's name.
  useDocumentTitle(careCase ? `Casus ${caseReference(careCase.id)}` : undefined);

  if (loading && !data) return <PageLoading />;
  if (error) return <PageError what="De casus" />;
  if (!careCase) {
    return (
      <PageNotFound title="Casus niet gevonden">
        Deze casus bestaat niet of u heeft er geen toegang toe.
      </PageNotFound>
    );
  }

  const holder = careCase.regieHolder;
  const teamWithAccess = careCase.team.filter((member) => member.hasAccess);
  return (
    <div className="kk-detail">
      <h1 className="utrecht-heading-1">Casus {careCase.client.displayName}</h1>
      <p className="utrecht-paragraph kk-lead">
        Fase: {labels?.casePhases[careCase.phase] ?? careCase.phase} · Kenmerk:{" "}
        {caseReference(careCase.id)}
      </p>
      <ConsentEndedAlert team={careCase.team} regieHolderId={holder.organization.id} />

      <section className="kk-regie" aria-labelledby="regie">
        <h2 id="regie" className="utrecht-heading-2">
          Regie
        </h2>
        <p className="utrecht-paragraph">
          <strong>
            {holder.organization.name}
            {holder.user ? `, ${holder.user.name}` : ""}
          </strong>{" "}
          heeft de regie sinds {formatDate(holder.startedAt)}.
        </p>
        <p className="utrecht-paragraph">Reden: {holder.reason}</p>
        <TransferRegieForm caseId={careCase.id} holderId={holder.id} team={teamWithAccess} />
      </section>

      <div className="kk-detail-columns">
        <section aria-labelledby="inwoner">
          <h2 id="inwoner" className="utrecht-heading-2">
            Inwoner
          </h2>
          <dl className="utrecht-data-list kk-data-list">
            <Item term="Naam">{careCase.client.displayName}</Item>
            {careCase.client.birthYear ? (
              <Item term="Geboortejaar">{careCase.client.birthYear}</Item>
            ) : null}
            {careCase.client.postcodeArea ? (
              <Item term="Postcode">
                {careCase.client.postcodeArea}
                {careCase.client.gemeente ? ` (${careCase.client.gemeente.name})` : ""}
              </Item>
            ) : null}
            {careCase.client.languageNeeds ? (
              <Item term="Taal">{careCase.client.languageNeeds}</Item>
            ) : null}
          </dl>
          <h3 className="utrecht-heading-3">Toestemmingen</h3>
          {careCase.client.consents.length === 0 ? (
            <p className="utrecht-paragraph">Nog geen toestemming vastgelegd.</p>
          ) : (
            <ul className="utrecht-unordered-list">
              {careCase.client.consents.map((consent) => (
                <li key={consent.id}>
                  {consent.purpose} — voor {consent.recipients.map((r) => r.name).join(", ")}
                  {labels
                    ? ` (${consent.dataCategories.map((c) => labels.consentDataCategories[c] ?? c).join(", ")})`
                    : ""}
                  .{" "}
                  {consent.withdrawnAt
                    ? `Ingetrokken op ${formatDate(consent.withdrawnAt)}.`
                    : consent.isValid
                      ? `Geldig tot en met ${formatDate(consent.validUntil)}.`
                      : "Verlopen."}{" "}
                  {consent.isValid ? (
                    <WithdrawConsentButton consentId={consent.id} onDone={() => void refetch()} />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <RecordConsentForm clientId={careCase.client.id} onDone={() => void refetch()} />
        </section>
        <section aria-labelledby="team">
          <h2 id="team" className="utrecht-heading-2">
            Casusteam
          </h2>
          <ul className="utrecht-unordered-list">
            {careCase.team.map((member) => (
              <li key={member.organization.id}>
                {member.organization.name}: {member.role}
                {member.hasAccess ? null : (
                  <>
                    {" "}
                    <AccessEndedStatus basis={member.basis} />
                  </>
                )}
              </li>
            ))}
          </ul>
          <h2 className="utrecht-heading-2">Overdrachten</h2>
          {careCase.referrals.length === 0 ? (
            <p className="utrecht-paragraph">Nog geen overdrachten.</p>
          ) : (
            <ul className="utrecht-unordered-list">
              {careCase.referrals.map((referral) => (
                <li key={referral.id}>
                  {referral.offering.title} bij {referral.receiver.name}:{" "}
                  <strong>{labels?.referralStates[referral.state] ?? referral.state}</strong>
                  {referral.state === "DECLINED" ? (
                    <>
                      {" "}
                      <Link
                        className="utrecht-link"
                        to={`/?${paramsFromSearch({ lifeDomains: referral.lifeDomains, modules: [referral.offering.module] }).toString()}`}
                      >
                        Ander aanbod zoeken voor dezelfde vraag
                      </Link>
                    </>
                  ) : null}
                  <ol className="kk-timeline" aria-label={`Tijdlijn ${referral.offering.title}`}>
                    {referral.events.map((event) => (
                      <li key={`${event.at}-${event.toState}`}>
                        {formatDateTime(event.at)}:{" "}
                        {labels?.referralStates[event.toState] ?? event.toState} door{" "}
                        {event.organization.name}
                        {event.note ? ` — ${event.note}` : ""}
                      </li>
                    ))}
                  </ol>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <ZorgoverlegSection caseId={careCase.id} />
      <NazorgSection caseId={careCase.id} />

      <section aria-labelledby="regiegeschiedenis">
        <h2 id="regiegeschiedenis" className="utrecht-heading-2">
          Regiegeschiedenis
        </h2>
        <table className="kk-table">
          <thead>
            <tr>
              <th scope="col">Regiehouder</th>
              <th scope="col">Van</th>
              <th scope="col">Tot</th>
              <th scope="col">Besloten door</th>
              <th scope="col">Reden</th>
            </tr>
          </thead>
          <tbody>
            {[...careCase.regieHistory].reverse().map((assignment) => (
              <tr key={assignment.startedAt}>
                <td>
                  {assignment.organization.name}
                  {assignment.user ? ` (${assignment.user.name})` : ""}
                </td>
                <td>{formatDate(assignment.startedAt)}</td>
                <td>{assignment.endedAt ? formatDate(assignment.endedAt) : "nu"}</td>
                <td>{assignment.decidedBy.name}</td>
                <td>
                  {assignment.reason}
                  {assignment.zorgoverleg ? (
                    <>
                      {" — "}
                      <a
                        className="utrecht-link"
                        href={`#zorgoverleg-${assignment.zorgoverleg.id}-details`}
                      >
                        besloten in zorgoverleg van {formatDate(assignment.zorgoverleg.startsAt)}
                      </a>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/** Why a team member no longer sees the case, as its status on the team. */
const accessEndedLabels: Partial<Record<TeamMemberBasis, string>> = {
  CONSENT_WITHDRAWN: "Toestemming ingetrokken",
  CONSENT_EXPIRED: "Toestemming verlopen",
  NO_CONSENT: "Geen toestemming",
};

function AccessEndedStatus({ basis }: { basis: TeamMemberBasis }) {
  return (
    <span className="utrecht-badge-status kk-access-ended">
      <span aria-hidden="true">⊘ </span>
      {accessEndedLabels[basis] ?? "Geen toestemming"}: ziet de casus niet meer
    </span>
  );
}

/** What the consent of each member that lost access meant, and what the team should do now. */
const accessEndedSentence = (name: string, basis: TeamMemberBasis) =>
  basis === "CONSENT_WITHDRAWN"
    ? `De inwoner heeft de toestemming voor ${name} ingetrokken.`
    : basis === "CONSENT_EXPIRED"
      ? `De toestemming voor ${name} is verlopen.`
      : `Er is geen geldige toestemming om de hulpvraag met ${name} te delen.`;

function ConsentEndedAlert(props: {
  team: Array<{
    basis: TeamMemberBasis;
    hasAccess: boolean;
    organization: { id: string; name: string };
  }>;
  regieHolderId: string;
}) {
  const ended = props.team.filter((member) => !member.hasAccess);
  if (ended.length === 0) return null;
  const holderEnded = ended.find((member) => member.organization.id === props.regieHolderId);
  return (
    <div className="utrecht-alert utrecht-alert--warning" role="status">
      <p className="utrecht-paragraph">
        <strong>Toestemming geldt niet meer.</strong>{" "}
        {ended
          .map((member) => accessEndedSentence(member.organization.name, member.basis))
          .join(" ")}{" "}
        {ended.length === 1 ? "Deze organisatie ziet" : "Deze organisaties zien"} de inwoner en het
        verdere werk aan deze casus niet meer, en er wordt niets meer met{" "}
        {ended.length === 1 ? "haar" : "hen"} gedeeld. Een lopende overdracht kan alleen nog worden
        afgesloten, met een uitkomst of reden.
      </p>
      {holderEnded ? (
        <p className="utrecht-paragraph">
          {holderEnded.organization.name} heeft nog de regie, maar kan niets meer zien of doen in
          deze casus. Draag de regie over aan een organisatie uit het casusteam.
        </p>
      ) : null}
    </div>
  );
}

function TransferRegieForm(props: {
  caseId: string;
  holderId: string;
  team: Array<{ organization: { id: string; name: string } }>;
}) {
  const [transfer, { loading }] = useMutation(TransferRegieMutation, {
    refetchQueries: [CasePageQuery],
  });
  const { problem, clear, fail } = useFormProblem();
  const announce = useStatusMessage();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    clear();
    const toOrganizationId = String(form.get("organisatie"));
    try {
      await transfer({
        variables: {
          input: {
            caseId: props.caseId,
            expectedAssignmentId: props.holderId,
            toOrganizationId,
            reason: String(form.get("reden")),
          },
        },
      });
      formElement.reset();
      const to = props.team.find((member) => member.organization.id === toOrganizationId);
      announce(`De regie is overgedragen aan ${to?.organization.name ?? "de andere organisatie"}.`);
    } catch (caught) {
      fail(caught, "Overdragen is niet gelukt. Probeer het opnieuw.");
    }
  };

  return (
    <details>
      <summary>Regie overdragen</summary>
      <ProblemArea problem={problem}>
        <form onSubmit={onSubmit} className="kk-stack">
          <SelectField
            id="regie-organisatie"
            name="organisatie"
            path="toOrganizationId"
            label="Naar organisatie uit het casusteam"
            options={props.team.map((member) => [member.organization.id, member.organization.name])}
          />
          <TextField
            id="regie-reden"
            name="reden"
            path="reason"
            label="Reden (bijvoorbeeld het besluit van het zorgoverleg)"
            multiline
            required
            minLength={3}
            maxLength={1000}
          />
          <button
            type="submit"
            className="utrecht-button utrecht-button--primary-action"
            disabled={loading}
          >
            Regie overdragen
          </button>
        </form>
      </ProblemArea>
    </details>
  );
}
