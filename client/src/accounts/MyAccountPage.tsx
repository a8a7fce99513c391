import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { useMe } from "../auth/session";
import { graphql } from "../gql";
import { errorMessage } from "../shared/errors";
import { ErrorAlert } from "../shared/ErrorAlert";
import { ProblemArea, useFormProblem } from "../shared/form";
import { TextField } from "../shared/fields";
import { formatDateTime } from "../shared/format";
import { PageError, PageLoading } from "../shared/PageStates";
import { useStatusMessage } from "../shared/StatusMessage";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { NewPasswordFields, useNewPassword } from "./NewPassword";
import { SecondFactorSection } from "./SecondFactorSection";

const MySessionsQuery = graphql(`
  query MySessions {
    mySessions {
      id
      createdAt
      expiresAt
      current
    }
  }
`);

const EndSessionMutation = graphql(`
  mutation EndSession($sessionId: ID!) {
    endSession(sessionId: $sessionId) {
      id
      createdAt
      expiresAt
      current
    }
  }
`);

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

/** The worker's own account: a new password, and where they are still logged in. */
export function MyAccountPage() {
  useDocumentTitle("Mijn account");
  const me = useMe();
  const { data, loading, error } = useQuery(MySessionsQuery);
  const [endSession] = useMutation(EndSessionMutation, {
    update(cache, result) {
      if (result.data) {
        cache.writeQuery({ query: MySessionsQuery, data: { mySessions: result.data.endSession } });
      }
    },
  });
  const [changePassword, { loading: saving }] = useMutation(ChangePasswordMutation, {
    refetchQueries: [MySessionsQuery],
  });
  const { problem, clear, fail } = useFormProblem();
  const newPassword = useNewPassword("De twee nieuwe wachtwoorden zijn niet gelijk.");
  const [sessionProblem, setSessionProblem] = useState<string | null>(null);
  const announce = useStatusMessage();

  if (!me || (loading && !data)) return <PageLoading />;
  if (error || !data) return <PageError what="Uw account" />;

  const onChange = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    clear();
    const chosen = newPassword.read(form);
    if (chosen === null) return;
    try {
      await changePassword({
        variables: {
          input: { currentPassword: String(form.get("huidig")), newPassword: chosen },
        },
      });
      formElement.reset();
      announce("Uw wachtwoord is gewijzigd. U bent op uw andere apparaten uitgelogd.");
    } catch (caught) {
      fail(caught, "Uw wachtwoord is niet gewijzigd. Probeer het opnieuw.");
    }
  };

  const onEnd = async (sessionId: string) => {
    setSessionProblem(null);
    try {
      await endSession({ variables: { sessionId } });
      announce("De sessie is beëindigd.");
    } catch (caught) {
      setSessionProblem(errorMessage(caught, "De sessie is niet beëindigd. Probeer het opnieuw."));
    }
  };

  return (
    <div className="kk-wide-form">
      <h1 className="utrecht-heading-1">Mijn account</h1>
      <dl className="utrecht-data-list kk-data-list">
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">Naam</dt>
          <dd className="utrecht-data-list__item-value">{me.name}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">E-mailadres</dt>
          <dd className="utrecht-data-list__item-value">{me.email}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">Organisatie</dt>
          <dd className="utrecht-data-list__item-value">{me.organization.name}</dd>
        </div>
      </dl>

      <section aria-labelledby="sessies-kop" className="kk-stack">
        <h2 id="sessies-kop" className="utrecht-heading-2">
          Waar u bent ingelogd
        </h2>
        <ErrorAlert message={sessionProblem} />
        <ul className="kk-account-list">
          {data.mySessions.map((session) => (
            <li key={session.id} className="kk-account-item kk-stack">
              <p className="utrecht-paragraph">
                Ingelogd op {formatDateTime(session.createdAt)}
                {session.current ? " (deze browser)" : ""}, geldig tot{" "}
                {formatDateTime(session.expiresAt)}
              </p>
              {session.current ? null : (
                <div className="kk-actions">
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--secondary-action"
                    onClick={() => void onEnd(session.id)}
                  >
                    Beëindigen
                    <span className="kk-visually-hidden">
                      {" "}
                      (ingelogd op {formatDateTime(session.createdAt)})
                    </span>
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>

      <SecondFactorSection />

      <section aria-labelledby="wachtwoord-kop" className="kk-stack">
        <h2 id="wachtwoord-kop" className="utrecht-heading-2">
          Wachtwoord wijzigen
        </h2>
        <ProblemArea problem={newPassword.mismatch ?? problem}>
          <form onSubmit={onChange} className="kk-stack">
            <input type="hidden" name="username" autoComplete="username" value={me.email} />
            <TextField
              id="account-huidig"
              name="huidig"
              path="currentPassword"
              label="Huidig wachtwoord"
              type="password"
              autoComplete="current-password"
              required
            />
            <NewPasswordFields
              idPrefix="account"
              path="newPassword"
              label="Nieuw wachtwoord"
              repeatLabel="Herhaal het nieuwe wachtwoord"
            />
            <div>
              <button
                type="submit"
                className="utrecht-button utrecht-button--primary-action"
                disabled={saving}
              >
                Wachtwoord wijzigen
              </button>
            </div>
          </form>
        </ProblemArea>
      </section>
    </div>
  );
}
