import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { graphql } from "../gql";
import { ProblemArea, useFormProblem } from "../shared/form";
import { TextField } from "../shared/fields";
import { useStatusMessage } from "../shared/StatusMessage";
import type { ReferralState } from "../gql/graphql";
import { formatDate, formatDateTime } from "../shared/format";
import { PageError, PageLoading } from "../shared/PageStates";
import { useTaxonomyLabels } from "../shared/taxonomy";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { LiveStatus, useLiveRefetch } from "../live/LiveStatus";
import { useScrollToHash } from "../shared/useScrollToHash";

const ReferralsQuery = graphql(`
  query Referrals {
    referralInbox {
      id
      state
      urgency
      question
      handoverSummary
      withheldNote
      responseDueAt
      isResponseOverdue
      isIntakeOverdue
      introductionAt
      nextSteps {
        to
        requires
      }
      sender {
        name
      }
      offering {
        title
      }
    }
    referralOutbox {
      id
      state
      nextSteps {
        to
        requires
      }
      responseDueAt
      isResponseOverdue
      receiver {
        name
      }
      offering {
        title
      }
    }
  }
`);

// A partner sends, accepts or declines: the lists fetch themselves again.
const ReferralInboxChangedSubscription = graphql(`
  subscription ReferralInboxChanged {
    referralInboxChanged {
      kind
    }
  }
`);

const TransitionMutation = graphql(`
  mutation TransitionReferral($input: ReferralTransitionInput!) {
    transitionReferral(input: $input) {
      id
      state
    }
  }
`);

/** The inbox of incoming referrals with the response norm counting down, and what was sent. */
export function ReferralsPage() {
  useDocumentTitle("Overdrachten");
  const { data, loading, error, refetch } = useQuery(ReferralsQuery, {
    fetchPolicy: "cache-and-network",
  });
  const updatedAt = useLiveRefetch(ReferralInboxChangedSubscription, refetch);
  const labels = useTaxonomyLabels();
  useScrollToHash(Boolean(data));
  if (loading && !data) return <PageLoading />;
  if (error || !data) return <PageError what="De overdrachten" />;

  return (
    <>
      <h1 className="utrecht-heading-1">Overdrachten</h1>
      <LiveStatus updatedAt={updatedAt} />
      <section aria-labelledby="inbox">
        <h2 id="inbox" className="utrecht-heading-2">
          Inkomend ({data.referralInbox.length})
        </h2>
        {data.referralInbox.length === 0 ? (
          <p className="utrecht-paragraph">Geen inkomende overdrachten.</p>
        ) : null}
        <ul className="kk-result-list">
          {data.referralInbox.map((referral) => (
            <li key={referral.id} className="kk-result">
              <article aria-labelledby={`overdracht-${referral.id}`}>
                <h3 id={`overdracht-${referral.id}`} className="utrecht-heading-3">
                  {referral.offering.title} — van {referral.sender.name}
                </h3>
                <p className="utrecht-paragraph">
                  Status:{" "}
                  <strong>{labels?.referralStates[referral.state] ?? referral.state}</strong>
                  {referral.urgency === "CRISIS" ? " · Crisis" : ""}
                </p>
                <Deadline
                  dueAt={referral.responseDueAt}
                  overdue={referral.isResponseOverdue}
                  state={referral.state}
                />
                {referral.withheldNote ? (
                  <div className="utrecht-alert utrecht-alert--warning">
                    <p className="utrecht-paragraph">
                      <span className="utrecht-badge-status kk-access-ended">
                        <span aria-hidden="true">⊘ </span>Niet meer gedeeld
                      </span>{" "}
                      {referral.withheldNote}
                    </p>
                  </div>
                ) : (
                  <>
                    <p className="utrecht-paragraph">
                      <strong>Hulpvraag:</strong> {referral.question}
                    </p>
                    <p className="utrecht-paragraph">{referral.handoverSummary}</p>
                  </>
                )}
                {referral.introductionAt ? (
                  <p className="utrecht-paragraph">
                    Kennismaking: {formatDateTime(referral.introductionAt)}
                  </p>
                ) : null}
                <ReferralActions
                  subject={`${referral.offering.title} van ${referral.sender.name}`}
                  referralId={referral.id}
                  state={referral.state}
                  steps={referral.nextSteps}
                />
              </article>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="outbox">
        <h2 id="outbox" className="utrecht-heading-2">
          Verstuurd ({data.referralOutbox.length})
        </h2>
        {data.referralOutbox.length === 0 ? (
          <p className="utrecht-paragraph">Nog niets verstuurd.</p>
        ) : null}
        <ul className="utrecht-unordered-list">
          {data.referralOutbox.map((referral) => (
            <li key={referral.id} id={`verstuurd-${referral.id}`}>
              {referral.offering.title} bij {referral.receiver.name}:{" "}
              <strong>{labels?.referralStates[referral.state] ?? referral.state}</strong>
              {referral.isResponseOverdue ? (
                <span className="kk-overdue"> · Reactie te laat</span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function Deadline(props: { dueAt: string | null; overdue: boolean; state: string }) {
  if (props.state !== "SENT" || !props.dueAt) return null;
  return (
    <p className={`utrecht-paragraph${props.overdue ? " kk-overdue" : ""}`}>
      {props.overdue ? "Reactie te laat: " : "Reageren uiterlijk "}
      {formatDate(props.dueAt)}
    </p>
  );
}

/** What the viewer may do now, as the server says; each step asks what it needs. */
const stepLabels: Record<ReferralState, string> = {
  DRAFT: "Concept",
  SENT: "Versturen",
  ACCEPTED: "Accepteren",
  DECLINED: "Afwijzen",
  INTRO_PLANNED: "Kennismaking plannen",
  IN_PROGRESS: "In behandeling nemen",
  COMPLETED: "Afronden",
  FAILED: "Niet gelukt",
  ON_HOLD: "In de wacht zetten",
  CANCELLED: "Annuleren",
};

/** What the user sees once a step is taken. */
const doneLabels: Record<ReferralState, string> = {
  DRAFT: "Opgeslagen als concept",
  SENT: "Verstuurd",
  ACCEPTED: "Geaccepteerd",
  DECLINED: "Afgewezen",
  INTRO_PLANNED: "Kennismaking gepland",
  IN_PROGRESS: "In behandeling genomen",
  COMPLETED: "Afgerond",
  FAILED: "Vastgelegd als niet gelukt",
  ON_HOLD: "In de wacht gezet",
  CANCELLED: "Geannuleerd",
};

const requirementLabels: Record<string, string> = {
  reason: "Reden (de andere partij ziet deze)",
  outcome: "Uitkomst, teruggemeld aan de verwijzer",
  introductionAt: "Datum en tijd van de kennismaking",
};

function ReferralActions(props: {
  /** The referral in words, for the confirmation: "Budgetcoaching van Wijkteam Arnhem-Noord". */
  subject: string;
  referralId: string;
  state: ReferralState;
  steps: Array<{ to: ReferralState; requires?: string | null }>;
}) {
  const [transition, { loading }] = useMutation(TransitionMutation, {
    refetchQueries: [ReferralsQuery],
  });
  const [open, setOpen] = useState<ReferralState | null>(null);
  const { problem, clear, fail } = useFormProblem();
  const announce = useStatusMessage();
  if (props.steps.length === 0) return null;

  const act = async (to: ReferralState, form?: FormData) => {
    clear();
    const when = form?.get("introductionAt");
    try {
      await transition({
        variables: {
          input: {
            referralId: props.referralId,
            to,
            expectedState: props.state,
            note: form ? String(form.get("note") ?? "") || null : null,
            introductionAt: when ? new Date(String(when)).toISOString() : null,
          },
        },
      });
      setOpen(null);
      announce(`${doneLabels[to]}: ${props.subject}.`);
    } catch (caught) {
      fail(caught, "Dat is niet gelukt. Probeer het opnieuw.");
    }
  };
  const onSubmit = (to: ReferralState) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void act(to, new FormData(event.currentTarget));
  };
  const openStep = props.steps.find((step) => step.to === open);

  return (
    <ProblemArea problem={problem}>
      <div className="kk-stack">
        <div className="utrecht-button-group">
          {props.steps.map((step, index) => (
            <button
              key={step.to}
              type="button"
              className={`utrecht-button ${index === 0 ? "utrecht-button--primary-action" : "utrecht-button--secondary-action"}`}
              disabled={loading}
              onClick={() => (step.requires ? setOpen(step.to) : void act(step.to))}
            >
              {stepLabels[step.to]}
              {step.requires ? "…" : ""}
            </button>
          ))}
        </div>
        {openStep?.requires ? (
          <form onSubmit={onSubmit(openStep.to)} className="kk-stack">
            {openStep.requires === "introductionAt" ? (
              <TextField
                id={`stap-${props.referralId}`}
                name="introductionAt"
                path="introductionAt"
                label={requirementLabels[openStep.requires]}
                type="datetime-local"
                required
              />
            ) : (
              <TextField
                id={`stap-${props.referralId}`}
                name="note"
                path="note"
                label={requirementLabels[openStep.requires]}
                multiline
                required
                minLength={3}
                maxLength={2000}
              />
            )}
            <button
              type="submit"
              className="utrecht-button utrecht-button--primary-action"
              disabled={loading}
            >
              {stepLabels[openStep.to]}
            </button>
          </form>
        ) : null}
      </div>
    </ProblemArea>
  );
}
