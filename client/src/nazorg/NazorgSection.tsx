import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { graphql } from "../gql";
import { paramsFromSearch } from "../search/searchParams";
import { Item } from "../shared/ContactPoint";
import { formatDate, formatList } from "../shared/format";
import { labelsOf, useTaxonomyLabels } from "../shared/taxonomy";
import { AddContactForm, ContactActions, RegisterContactForm } from "./NazorgContactForms";
import { AdjustPlanForm, CreatePlanForm, NotFeasibleForm, UpdatePlanForm } from "./NazorgPlanForms";

export const NazorgSectionQuery = graphql(`
  query NazorgSection($caseId: ID!) {
    case(id: $caseId) {
      id
      phase
      team {
        organization {
          id
          name
        }
      }
      relapseRisk {
        since
        followUpNeeded
      }
      relapseRiskHistory {
        since
        clearedOn
      }
      nazorgPlan {
        id
        status
        trajectoryEndedOn
        saneringskrediet
        creditGrantedOn
        startsOn
        endsOn
        durationMonths
        paletteLevel
        clientWishes
        notFeasibleReason
        responsibleOrganization {
          id
          name
        }
        responsibleUser {
          id
          name
        }
        contacts {
          id
          plannedOn
          heldOn
          channel
          inBalance
          signals
          note
          followUp
          isOverdue
          dueThisWeek
          heldBy {
            name
          }
        }
        adjustments {
          kind
          reason
          previousDurationMonths
          newDurationMonths
          decidedAt
          decidedBy {
            name
          }
        }
      }
    }
  }
`);

/** Nazorg on the case page: the plan, its contact moments, and the relapse risk up front. */
export function NazorgSection({ caseId }: { caseId: string }) {
  const { data } = useQuery(NazorgSectionQuery, { variables: { caseId } });
  const labels = useTaxonomyLabels();
  const careCase = data?.case;
  if (!careCase) return null;
  const plan = careCase.nazorgPlan;
  const team = careCase.team.map((member) => member.organization);
  const openMoments = (plan?.contacts ?? []).filter((c) => !c.heldOn && c.plannedOn);

  return (
    <section aria-labelledby="nazorg">
      <h2 id="nazorg" className="utrecht-heading-2">
        Nazorg
      </h2>
      {careCase.relapseRisk ? (
        <div className="utrecht-alert utrecht-alert--warning" role="status">
          <p className="utrecht-paragraph">
            <strong>Terugvalrisico</strong> sinds {formatDate(careCase.relapseRisk.since)}:
            inkomsten en uitgaven waren niet in balans.{" "}
            {careCase.relapseRisk.followUpNeeded
              ? "Er is nog geen vervolg: verwijs opnieuw of plan een zorgoverleg."
              : "Er is een vervolgverwijzing verstuurd."}
          </p>
          {careCase.relapseRisk.followUpNeeded ? (
            <p className="utrecht-paragraph">
              <Link
                className="utrecht-link"
                to={`/?${paramsFromSearch({ lifeDomains: ["FINANCIEN"] }).toString()}`}
              >
                Vervolg zoeken op de sociale kaart
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}

      {!plan ? (
        <>
          <p className="utrecht-paragraph">Nog geen nazorgplan.</p>
          <CreatePlanForm caseId={caseId} team={team} />
          <NotFeasibleForm caseId={caseId} />
        </>
      ) : plan.status === "NOT_FEASIBLE" ? (
        <p className="utrecht-paragraph">
          <strong>Nazorg is niet haalbaar.</strong> Reden: {plan.notFeasibleReason}
        </p>
      ) : (
        <>
          <dl className="utrecht-data-list kk-data-list">
            <Item term="Periode">
              {formatDate(plan.startsOn!)} tot en met {formatDate(plan.endsOn!)} (
              {plan.durationMonths} maanden
              {plan.saneringskrediet ? ", na saneringskrediet" : ""})
            </Item>
            <Item term="Verantwoordelijk">
              {plan.responsibleOrganization?.name}
              {plan.responsibleUser ? `, ${plan.responsibleUser.name}` : ""}
            </Item>
            {plan.paletteLevel ? (
              <Item term="Palet">
                {plan.paletteLevel}: {labels?.paletteLevels[plan.paletteLevel]}
              </Item>
            ) : null}
            {plan.clientWishes ? (
              <Item term="Wensen van de inwoner">{plan.clientWishes}</Item>
            ) : null}
          </dl>

          <h3 className="utrecht-heading-3">Contactmomenten</h3>
          <table className="kk-table">
            <thead>
              <tr>
                <th scope="col">Gepland</th>
                <th scope="col">Gehouden</th>
                <th scope="col">In balans</th>
                <th scope="col">Signalen en vervolg</th>
                <th scope="col">Acties</th>
              </tr>
            </thead>
            <tbody>
              {plan.contacts.map((contact) => (
                <tr key={contact.id}>
                  <td>
                    {contact.plannedOn ? formatDate(contact.plannedOn) : "Ongepland"}
                    {contact.isOverdue ? <span className="kk-overdue"> Te laat</span> : null}
                    {contact.dueThisWeek ? <strong> Deze week</strong> : null}
                  </td>
                  <td>
                    {contact.heldOn
                      ? `${formatDate(contact.heldOn)}, ${labels?.channels[contact.channel ?? ""] ?? contact.channel}${contact.heldBy ? `, ${contact.heldBy.name}` : ""}`
                      : "—"}
                  </td>
                  <td>{contact.inBalance ? labels?.inBalance[contact.inBalance] : "—"}</td>
                  <td>
                    {formatList(labelsOf(contact.signals, labels?.contactSignals))}
                    {contact.note ? <div>{contact.note}</div> : null}
                    {contact.followUp ? <div>Vervolg: {contact.followUp}</div> : null}
                  </td>
                  <td>
                    {!contact.heldOn && contact.plannedOn ? (
                      <ContactActions contactId={contact.id} plannedOn={contact.plannedOn} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <RegisterContactForm planId={plan.id} openMoments={openMoments} />
          <AddContactForm planId={plan.id} />
          <AdjustPlanForm planId={plan.id} durationMonths={plan.durationMonths ?? 12} />
          <UpdatePlanForm
            planId={plan.id}
            team={team}
            responsibleOrganizationId={plan.responsibleOrganization?.id ?? ""}
            responsibleUserId={plan.responsibleUser?.id ?? null}
            paletteLevel={plan.paletteLevel ?? null}
            clientWishes={plan.clientWishes ?? ""}
          />
          <NotFeasibleForm caseId={caseId} />
          {plan.adjustments.length > 0 ? (
            <>
              <h3 className="utrecht-heading-3">Aanpassingen</h3>
              <ul className="utrecht-unordered-list">
                {plan.adjustments.map((adjustment) => (
                  <li key={adjustment.decidedAt}>
                    {formatDate(adjustment.decidedAt)}:{" "}
                    {labels?.nazorgAdjustmentKinds[adjustment.kind] ?? adjustment.kind} (
                    {adjustment.previousDurationMonths} → {adjustment.newDurationMonths} maanden)
                    door {adjustment.decidedBy.name} — {adjustment.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      {careCase.relapseRiskHistory.some((risk) => risk.clearedOn) ? (
        <>
          <h3 className="utrecht-heading-3">Eerdere terugvalrisico&apos;s</h3>
          <ul className="utrecht-unordered-list">
            {careCase.relapseRiskHistory
              .filter((risk) => risk.clearedOn)
              .map((risk) => (
                <li key={risk.since}>
                  {formatDate(risk.since)} tot {formatDate(risk.clearedOn!)}
                </li>
              ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
