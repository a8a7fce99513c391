import { useMutation, useQuery } from "@apollo/client/react";
import type { FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { MeQuery } from "../auth/session";
import { graphql } from "../gql";
import { ProblemArea, useFormProblem } from "../shared/form";
import { formatDateTime } from "../shared/format";
import { PageLoading } from "../shared/PageStates";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { NewPasswordFields, useNewPassword } from "./NewPassword";

const PasswordResetQuery = graphql(`
  query PasswordReset($token: String!) {
    passwordReset(token: $token) {
      email
      expiresAt
    }
  }
`);

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      expiresAt
      user {
        id
      }
    }
  }
`);

/**
 * Where the link of "wachtwoord vergeten" leads: a new password, and the worker is logged in.
 * The token is the link's fragment, so it never reaches a server log or a Referer header.
 */
export function PasswordResetPage() {
  useDocumentTitle("Nieuw wachtwoord");
  const token = useLocation().hash.slice(1);
  const navigate = useNavigate();
  const { data, loading } = useQuery(PasswordResetQuery, { variables: { token }, skip: !token });
  const [reset, { loading: saving }] = useMutation(ResetPasswordMutation, {
    refetchQueries: [MeQuery],
    awaitRefetchQueries: true,
  });
  const { problem, clear, fail } = useFormProblem();
  const newPassword = useNewPassword("De twee wachtwoorden zijn niet gelijk.");

  if (loading) return <PageLoading />;
  const request = data?.passwordReset;
  if (!request) {
    return (
      <div className="kk-narrow">
        <h1 className="utrecht-heading-1">Deze link werkt niet meer</h1>
        <p className="utrecht-paragraph">
          De link is al gebruikt, verlopen of vervangen door een nieuwere.{" "}
          <Link className="utrecht-link" to="/wachtwoord-vergeten">
            Vraag een nieuwe link aan
          </Link>
          .
        </p>
      </div>
    );
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    clear();
    const password = newPassword.read(form);
    if (password === null) return;
    try {
      await reset({ variables: { input: { token, password } } });
      navigate("/dashboard");
    } catch (caught) {
      fail(caught, "Het wachtwoord is niet opgeslagen. Probeer het opnieuw.");
    }
  };

  return (
    <div className="kk-narrow">
      <h1 className="utrecht-heading-1">Nieuw wachtwoord kiezen</h1>
      <p className="utrecht-paragraph kk-lead">
        Kies een nieuw wachtwoord voor {request.email}. Daarna bent u ingelogd, en overal anders
        uitgelogd.
      </p>
      <p className="utrecht-paragraph">Deze link werkt tot {formatDateTime(request.expiresAt)}.</p>
      <ProblemArea problem={newPassword.mismatch ?? problem}>
        <form onSubmit={onSubmit} className="kk-stack">
          <input type="hidden" name="username" autoComplete="username" value={request.email} />
          <NewPasswordFields
            idPrefix="herstel"
            path="password"
            label="Nieuw wachtwoord"
            repeatLabel="Herhaal het nieuwe wachtwoord"
          />
          <div>
            <button
              type="submit"
              className="utrecht-button utrecht-button--primary-action"
              disabled={saving}
            >
              Wachtwoord opslaan en inloggen
            </button>
          </div>
        </form>
      </ProblemArea>
    </div>
  );
}
