import { CombinedGraphQLErrors } from "@apollo/client";
import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { graphql } from "../gql";
import type { ReferralState } from "../gql/graphql";
import { formatDate } from "../shared/format";
import { PageError, PageLoading } from "../shared/PageStates";
import { type TaxonomyLabels, useTaxonomyLabels } from "../shared/taxonomy";
import { useDocumentTitle } from "../shared/useDocumentTitle";

const ReferralsQuery = graphql(`
  query Referrals {
    referralInbox {
      id
      state
      urgency
      question
      handoverSummary
      responseDueAt
      isResponseOverdue
      isIntakeOverdue
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
  const { data, loading, error } = useQuery(ReferralsQuery, { fetchPolicy: "cache-and-network" });
  const labels = useTaxonomyLabels();
  if (loading && !data) return <PageLoading />;
  if (error || !data) return <PageError what="De overdrachten" />;

  return (
    <>
      <h1 className="utrecht-heading-1">Overdrachten</h1>
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
                <p className="utrecht-paragraph">
                  <strong>Hulpvraag:</strong> {referral.question}
                </p>
                <p className="utrecht-paragraph">{referral.handoverSummary}</p>
                <ReferralActions referralId={referral.id} state={referral.state} labels={labels} />
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
            <li key={referral.id}>
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

/** Accept, or decline with a reason: the receiver's first response. */
function ReferralActions(props: {
  referralId: string;
  state: ReferralState;
  labels: TaxonomyLabels | undefined;
}) {
  const [transition, { loading }] = useMutation(TransitionMutation, {
    refetchQueries: [ReferralsQuery],
  });
  const [declining, setDeclining] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  if (props.state !== "SENT") return null;

  const act = async (to: ReferralState, note?: string) => {
    setMessage(null);
    try {
      await transition({
        variables: { input: { referralId: props.referralId, to, note, expectedState: "SENT" } },
      });
    } catch (caught) {
      setMessage(
        CombinedGraphQLErrors.is(caught) && caught.errors[0]
          ? caught.errors[0].message
          : "Dat is niet gelukt. Probeer het opnieuw.",
      );
    }
  };
  const onDecline = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void act("DECLINED", String(new FormData(event.currentTarget).get("reden")));
  };

  return (
    <div className="kk-stack">
      {message ? (
        <div className="utrecht-alert utrecht-alert--error" role="alert">
          <p className="utrecht-paragraph">{message}</p>
        </div>
      ) : null}
      <div className="utrecht-button-group">
        <button
          type="button"
          className="utrecht-button utrecht-button--primary-action"
          disabled={loading}
          onClick={() => void act("ACCEPTED")}
        >
          Accepteren
        </button>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => setDeclining(true)}
        >
          Afwijzen…
        </button>
      </div>
      {declining ? (
        <form onSubmit={onDecline} className="kk-stack">
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor={`reden-${props.referralId}`}>
              Reden van afwijzen (de verwijzer ziet deze)
            </label>
            <textarea
              id={`reden-${props.referralId}`}
              name="reden"
              required
              minLength={3}
              className="utrecht-textarea utrecht-textarea--html-textarea"
            />
          </div>
          <button
            type="submit"
            className="utrecht-button utrecht-button--secondary-action"
            disabled={loading}
          >
            Afwijzen
          </button>
        </form>
      ) : null}
    </div>
  );
}
