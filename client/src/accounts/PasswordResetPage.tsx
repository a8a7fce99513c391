import { useMutation, useQuery } from "@apollo/client/react";
import { Link, useLocation } from "react-router";
import { MeQuery } from "../auth/session";
import { graphql } from "../gql";
import { formatDateTime } from "../shared/format";
import { PageLoading } from "../shared/PageStates";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { ChoosePasswordForm } from "./NewPassword";

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
  const { data, loading } = useQuery(PasswordResetQuery, { variables: { token }, skip: !token });
  const [reset, { loading: saving }] = useMutation(ResetPasswordMutation, {
    refetchQueries: [MeQuery],
    awaitRefetchQueries: true,
  });

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

  return (
    <div className="kk-narrow">
      <h1 className="utrecht-heading-1">Nieuw wachtwoord kiezen</h1>
      <p className="utrecht-paragraph kk-lead">
        Kies een nieuw wachtwoord voor {request.email}. Daarna bent u ingelogd, en overal anders
        uitgelogd.
      </p>
      <p className="utrecht-paragraph">Deze link werkt tot {formatDateTime(request.expiresAt)}.</p>
      <ChoosePasswordForm
        email={request.email}
        idPrefix="herstel"
        label="Nieuw wachtwoord"
        repeatLabel="Herhaal het nieuwe wachtwoord"
        saving={saving}
        save={(password) => reset({ variables: { input: { token, password } } })}
      />
    </div>
  );
}
