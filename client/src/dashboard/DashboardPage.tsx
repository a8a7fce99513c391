import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { graphql } from "../gql";
import { useMe } from "../auth/session";
import { formatDate, formatDateTime } from "../shared/format";
import { PageError, PageLoading } from "../shared/PageStates";
import { labelsOf, useTaxonomyLabels } from "../shared/taxonomy";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { MyStaleOfferingsQuery, StaleOfferings } from "../partner/StaleOfferings";
import { LiveStatus, useLiveRefetch } from "../live/LiveStatus";

const DashboardQuery = graphql(`
  query Dashboard {
    dashboard {
      regieCaseCount
      regieCases {
        id
        phase
        client {
          displayName
        }
        relapseRisk {
          since
        }
      }
      relapseRiskCaseCount
      relapseRiskCases {
        id
        client {
          displayName
        }
        relapseRisk {
          since
          followUpNeeded
        }
      }
      contactsDueThisWeekCount
      contactsDueThisWeek {
        id
        plannedOn
        isOverdue
        case {
          id
          client {
            displayName
          }
        }
      }
      contactsOverdueCount
      contactsOverdue {
        id
        plannedOn
        isOverdue
        case {
          id
          client {
            displayName
          }
        }
      }
      openAgreementCount
      overdueAgreementCount
      openAgreements {
        id
        description
        dueOn
        isOverdue
        caseId
      }
      referralsAwaitingResponseCount
      referralsAwaitingResponse {
        id
        responseDueAt
        isResponseOverdue
        sender {
          name
        }
        offering {
          title
        }
      }
      outgoingReferralsOverdueCount
      outgoingReferralsOverdue {
        id
        responseDueAt
        receiver {
          name
        }
        offering {
          title
        }
      }
      regieGapCount
      regieGaps {
        caseId
        phase
        since
        problems
        holderOrganization {
          name
        }
        holderUser {
          name
        }
      }
    }
  }
`);

// Referrals, agreements, regie or contacts of ours changed: the counts fetch themselves again.
const DashboardChangedSubscription = graphql(`
  subscription DashboardChanged {
    dashboardChanged {
      kind
    }
  }
`);

function Card(props: { count: number; label: string; target: string; urgent?: boolean }) {
  return (
    <li className={`kk-card${props.urgent && props.count > 0 ? " kk-card--urgent" : ""}`}>
      <a className="utrecht-link" href={`#${props.target}`}>
        <span className="kk-card-count">{props.count}</span> {props.label}
      </a>
    </li>
  );
}

function Empty({ children }: { children: string }) {
  return <p className="utrecht-paragraph">{children}</p>;
}

/** The daily work at a glance: counts as cards, each linking to its list further down. */
export function DashboardPage() {
  useDocumentTitle("Dashboard");
  const me = useMe();
  const labels = useTaxonomyLabels();
  const { data, loading, error, refetch } = useQuery(DashboardQuery, {
    fetchPolicy: "cache-and-network",
  });
  const updatedAt = useLiveRefetch(DashboardChangedSubscription, refetch);
  // The same list "Ons aanbod" shows: the organisation's entries not checked for six months.
  const stale = useQuery(MyStaleOfferingsQuery);
  if (loading && !data) return <PageLoading />;
  if (error || !data) return <PageError what="Het dashboard" />;
  const board = data.dashboard;

  return (
    <div className="kk-detail">
      <h1 className="utrecht-heading-1">Dashboard</h1>
      <p className="utrecht-paragraph kk-lead">
        Het werk van vandaag{me ? ` voor ${me.name} en ${me.organization.name}` : ""}.
      </p>
      <LiveStatus updatedAt={updatedAt} />
      <nav aria-label="Aantallen">
        <ul className="kk-cards">
          <Card count={board.regieCaseCount} label="casussen met onze regie" target="regie" />
          <Card
            count={board.relapseRiskCaseCount}
            label="met terugvalrisico"
            target="terugvalrisico"
            urgent
          />
          <Card
            count={board.contactsDueThisWeekCount}
            label="contacten deze week"
            target="contacten-week"
          />
          <Card
            count={board.contactsOverdueCount}
            label="contacten te laat"
            target="contacten-te-laat"
            urgent
          />
          <Card
            count={board.referralsAwaitingResponseCount}
            label="overdrachten wachten op ons"
            target="wachten-op-ons"
          />
          <Card
            count={board.outgoingReferralsOverdueCount}
            label="verwijzingen zonder antwoord"
            target="zonder-antwoord"
            urgent
          />
          <Card count={board.openAgreementCount} label="open afspraken" target="afspraken" />
          <Card
            count={board.overdueAgreementCount}
            label="afspraken over de datum"
            target="afspraken"
            urgent
          />
          <Card
            count={stale.data?.myStaleOfferings.length ?? 0}
            label="aanbod niet gecontroleerd"
            target="stale-offerings-heading"
            urgent
          />
          {board.regieGapCount !== null && board.regieGapCount !== undefined ? (
            <Card
              count={board.regieGapCount}
              label="casussen zonder werkende regiehouder"
              target="regie-zonder-houder"
              urgent
            />
          ) : null}
        </ul>
      </nav>

      <section aria-labelledby="terugvalrisico">
        <h2 id="terugvalrisico" className="utrecht-heading-2">
          Terugvalrisico ({board.relapseRiskCaseCount})
        </h2>
        {board.relapseRiskCases.length === 0 ? (
          <Empty>Geen casussen met terugvalrisico.</Empty>
        ) : (
          <ul className="utrecht-unordered-list">
            {board.relapseRiskCases.map((careCase) => (
              <li key={careCase.id}>
                <Link className="utrecht-link" to={`/casussen/${careCase.id}`}>
                  {careCase.client.displayName}
                </Link>{" "}
                — sinds {formatDate(careCase.relapseRisk!.since)}
                {careCase.relapseRisk!.followUpNeeded ? (
                  <span className="kk-overdue"> nog geen vervolg</span>
                ) : (
                  ", vervolg verstuurd"
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="contacten-te-laat">
        <h2 id="contacten-te-laat" className="utrecht-heading-2">
          Contactmomenten te laat ({board.contactsOverdueCount})
        </h2>
        <ContactList contacts={board.contactsOverdue} empty="Geen contactmomenten te laat." />
      </section>

      <section aria-labelledby="contacten-week">
        <h2 id="contacten-week" className="utrecht-heading-2">
          Contactmomenten deze week ({board.contactsDueThisWeekCount})
        </h2>
        <ContactList contacts={board.contactsDueThisWeek} empty="Geen contactmomenten deze week." />
      </section>

      <StaleOfferings />

      <section aria-labelledby="afspraken">
        <h2 id="afspraken" className="utrecht-heading-2">
          Open afspraken ({board.openAgreementCount})
        </h2>
        {board.openAgreements.length === 0 ? (
          <Empty>Geen open afspraken.</Empty>
        ) : (
          <ul className="utrecht-unordered-list">
            {board.openAgreements.map((agreement) => (
              <li key={agreement.id}>
                <Link className="utrecht-link" to={`/casussen/${agreement.caseId}`}>
                  {agreement.description}
                </Link>{" "}
                —{" "}
                <span className={agreement.isOverdue ? "kk-overdue" : undefined}>
                  {agreement.isOverdue ? "te laat, was " : ""}uiterlijk{" "}
                  {formatDate(agreement.dueOn)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/afspraken">
            Naar mijn afspraken
          </Link>
        </p>
      </section>

      <section aria-labelledby="wachten-op-ons">
        <h2 id="wachten-op-ons" className="utrecht-heading-2">
          Overdrachten die wachten op onze reactie ({board.referralsAwaitingResponseCount})
        </h2>
        {board.referralsAwaitingResponse.length === 0 ? (
          <Empty>Geen overdrachten die op ons wachten.</Empty>
        ) : (
          <ul className="utrecht-unordered-list">
            {board.referralsAwaitingResponse.map((referral) => (
              <li key={referral.id}>
                <Link className="utrecht-link" to="/overdrachten">
                  {referral.offering.title}
                </Link>{" "}
                van {referral.sender.name} —{" "}
                <span className={referral.isResponseOverdue ? "kk-overdue" : undefined}>
                  {referral.isResponseOverdue ? "te laat, was " : ""}reageren uiterlijk{" "}
                  {formatDateTime(referral.responseDueAt!)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="zonder-antwoord">
        <h2 id="zonder-antwoord" className="utrecht-heading-2">
          Onze verwijzingen zonder antwoord binnen de norm ({board.outgoingReferralsOverdueCount})
        </h2>
        {board.outgoingReferralsOverdue.length === 0 ? (
          <Empty>Alle verwijzingen zijn op tijd beantwoord.</Empty>
        ) : (
          <ul className="utrecht-unordered-list">
            {board.outgoingReferralsOverdue.map((referral) => (
              <li key={referral.id}>
                <Link className="utrecht-link" to="/overdrachten">
                  {referral.offering.title}
                </Link>{" "}
                bij {referral.receiver.name} — reactie was uiterlijk{" "}
                {formatDateTime(referral.responseDueAt!)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="regie">
        <h2 id="regie" className="utrecht-heading-2">
          Casussen met onze regie ({board.regieCaseCount})
        </h2>
        {board.regieCases.length === 0 ? (
          <Empty>Onze organisatie heeft geen lopende casussen met regie.</Empty>
        ) : (
          <ul className="utrecht-unordered-list">
            {board.regieCases.map((careCase) => (
              <li key={careCase.id}>
                <Link className="utrecht-link" to={`/casussen/${careCase.id}`}>
                  {careCase.client.displayName}
                </Link>{" "}
                — {labels?.casePhases[careCase.phase] ?? careCase.phase}
                {careCase.relapseRisk ? <span className="kk-overdue"> terugvalrisico</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {board.regieGaps ? (
        <section aria-labelledby="regie-zonder-houder">
          <h2 id="regie-zonder-houder" className="utrecht-heading-2">
            Casussen in de regio zonder werkende regiehouder ({board.regieGapCount})
          </h2>
          {board.regieGaps.length === 0 ? (
            <Empty>Elke casus in de regio heeft een regiehouder die kan handelen.</Empty>
          ) : (
            <table className="kk-table">
              <thead>
                <tr>
                  <th scope="col">Regiehouder</th>
                  <th scope="col">Sinds</th>
                  <th scope="col">Fase</th>
                  <th scope="col">Probleem</th>
                </tr>
              </thead>
              <tbody>
                {board.regieGaps.map((gap) => (
                  <tr key={gap.caseId}>
                    <td>
                      {gap.holderOrganization.name}
                      {gap.holderUser ? ` (${gap.holderUser.name})` : ""}
                    </td>
                    <td>{formatDate(gap.since)}</td>
                    <td>{labels?.casePhases[gap.phase] ?? gap.phase}</td>
                    <td>
                      <ul className="utrecht-unordered-list">
                        {labelsOf(gap.problems, labels?.regieGapProblems).map((problem) => (
                          <li key={problem}>{problem}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </div>
  );
}

function ContactList(props: {
  contacts: Array<{
    id: string;
    plannedOn?: string | null;
    isOverdue: boolean;
    case: { id: string; client: { displayName: string } };
  }>;
  empty: string;
}) {
  if (props.contacts.length === 0) return <Empty>{props.empty}</Empty>;
  return (
    <ul className="utrecht-unordered-list">
      {props.contacts.map((contact) => (
        <li key={contact.id}>
          <Link className="utrecht-link" to={`/casussen/${contact.case.id}`}>
            {contact.case.client.displayName}
          </Link>{" "}
          — gepland op {formatDate(contact.plannedOn!)}
          {contact.isOverdue ? <span className="kk-overdue"> te laat</span> : null}
        </li>
      ))}
    </ul>
  );
}
