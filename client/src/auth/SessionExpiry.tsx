import { type ApolloClient, CombinedGraphQLErrors } from "@apollo/client";
import { ErrorLink } from "@apollo/client/link/error";
import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { graphql } from "../gql";
import { errorMessage } from "../shared/errors";
import { useStatusMessage } from "../shared/StatusMessage";
import { MeQuery, useMe } from "./session";

const SessionQuery = graphql(`
  query Session {
    session {
      expiresAt
      renewableUntil
      warningMinutes
    }
  }
`);

const RenewSessionMutation = graphql(`
  mutation RenewSession {
    renewSession {
      expiresAt
      renewableUntil
      warningMinutes
    }
  }
`);

/** The login page, saying the session has expired, and coming back here afterwards. */
export function loginAfterExpiry(): string {
  const here = `${window.location.pathname}${window.location.search}`;
  return `/inloggen?reden=verlopen&terug=${encodeURIComponent(here)}`;
}

/**
 * When the server no longer knows the session of someone who was logged in, whatever they did
 * next leads to the login page with the reason, and back here after logging in.
 */
export function sessionExpiredLink(
  client: () => ApolloClient,
  navigate: (to: string) => unknown,
): ErrorLink {
  return new ErrorLink(({ error, operation }) => {
    if (operation.operationName === "Login") return;
    const unauthenticated =
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((graphQLError) => graphQLError.extensions?.code === "UNAUTHENTICATED");
    if (!unauthenticated) return;
    const cache = client().cache;
    if (!cache.readQuery({ query: MeQuery })?.me) return;
    const to = loginAfterExpiry();
    cache.writeQuery({ query: MeQuery, data: { me: null } });
    void navigate(to);
  });
}

const minute = 60_000;

const formatTime = (iso: string) =>
  new Intl.DateTimeFormat("nl-NL", { timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(
    new Date(iso),
  );

/**
 * Warns a few minutes (SESSION_WARNING_MINUTES) before the session ends, in a modal dialog
 * whose button extends it (WCAG 2.2.1: time limits can be extended with a simple action).
 */
export function SessionExpiryWarning() {
  const me = useMe();
  const { data } = useQuery(SessionQuery, { skip: !me, fetchPolicy: "network-only" });
  const [renew, { loading }] = useMutation(RenewSessionMutation, {
    update: (cache, result) => {
      if (result.data) {
        cache.writeQuery({ query: SessionQuery, data: { session: result.data.renewSession } });
      }
    },
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const dialog = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const announce = useStatusMessage();

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 10_000);
    return () => window.clearInterval(timer);
  }, []);

  const session = me ? data?.session : undefined;
  const expiresAt = session ? new Date(session.expiresAt).getTime() : Infinity;
  const left = expiresAt - now;
  const warn = session !== undefined && left <= session.warningMinutes * minute;
  const expired = left <= 0;
  // At the maximum lifetime there is nothing left to extend.
  const renewable = session
    ? new Date(session.renewableUntil).getTime() - expiresAt > minute
    : false;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (warn && !element.open) element.showModal?.();
    if (!warn && element.open) element.close();
    // `expired` too: a warning closed with "Sluiten" opens again once the session has ended.
  }, [warn, expired]);

  if (!session) return null;
  const minutes = Math.max(1, Math.ceil(left / minute));
  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-labelledby="sessie-titel"
      aria-describedby="sessie-uitleg"
      className="kk-session-dialog"
      onCancel={(event) => {
        // Escape must not hide the warning while the session is about to end unnoticed.
        if (expired) event.preventDefault();
      }}
    >
      {expired ? (
        <>
          <h2 id="sessie-titel" className="utrecht-heading-2">
            Uw sessie is verlopen
          </h2>
          <p id="sessie-uitleg" className="utrecht-paragraph">
            Log opnieuw in. Daarna komt u terug op deze pagina.
          </p>
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action"
            onClick={() => navigate(loginAfterExpiry())}
          >
            Opnieuw inloggen
          </button>
        </>
      ) : (
        <>
          <h2 id="sessie-titel" className="utrecht-heading-2">
            Uw sessie verloopt over {minutes === 1 ? "1 minuut" : `${minutes} minuten`}
          </h2>
          <p id="sessie-uitleg" className="utrecht-paragraph">
            {renewable
              ? "Daarna moet u opnieuw inloggen. Wat u nog niet heeft opgeslagen, gaat dan verloren."
              : "U bent al lang ingelogd en kunt de sessie niet meer verlengen. Sla uw werk op en log daarna opnieuw in."}
          </p>
          {problem ? (
            <p className="utrecht-paragraph" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="utrecht-button-group">
            {renewable ? (
              <button
                type="button"
                className="utrecht-button utrecht-button--primary-action"
                disabled={loading}
                onClick={async () => {
                  setProblem(null);
                  try {
                    const result = await renew();
                    setNow(Date.now());
                    const until = result.data?.renewSession.expiresAt;
                    if (until) announce(`U blijft ingelogd tot ${formatTime(until)}.`);
                  } catch (caught) {
                    setProblem(
                      errorMessage(caught, "Verlengen is niet gelukt. Probeer het opnieuw."),
                    );
                  }
                }}
              >
                Ingelogd blijven
              </button>
            ) : null}
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              onClick={() => dialog.current?.close()}
            >
              Sluiten
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
