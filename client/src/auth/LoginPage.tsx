import { useMutation } from "@apollo/client/react";
import { CombinedGraphQLErrors } from "@apollo/client";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { graphql } from "../gql";
import { ProblemArea, TextField, useFormProblem } from "../shared/form";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { MeQuery } from "./session";
import { SingleSignOnLogin } from "./SingleSignOnLogin";

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      expiresAt
      user {
        id
      }
    }
  }
`);

export function LoginPage() {
  useDocumentTitle("Inloggen");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [login, { loading }] = useMutation(LoginMutation, {
    refetchQueries: [MeQuery],
    awaitRefetchQueries: true,
  });
  const { problem, clear, fail } = useFormProblem();
  // Asked for once the password was right and the account has a second factor.
  const [needsCode, setNeedsCode] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    clear();
    try {
      await login({
        variables: {
          input: {
            email: String(form.get("email")),
            password: String(form.get("password")),
            code: needsCode ? String(form.get("code")) : null,
          },
        },
      });
      // Only a path inside the app, never another site.
      const next = params.get("terug");
      navigate(next?.startsWith("/") && !next.startsWith("//") ? next : "/dashboard");
    } catch (caught) {
      if (
        CombinedGraphQLErrors.is(caught) &&
        caught.errors[0]?.extensions?.code === "SECOND_FACTOR_REQUIRED"
      ) {
        setNeedsCode(true);
        return;
      }
      fail(caught, "Inloggen is niet gelukt. Probeer het opnieuw.");
    }
  };

  return (
    <div className="kk-narrow">
      <h1 className="utrecht-heading-1">Inloggen</h1>
      <p className="utrecht-paragraph">
        Voor medewerkers van ketenpartners. De sociale kaart is zonder inloggen te gebruiken.
      </p>
      {params.get("reden") === "verlopen" ? (
        <div className="utrecht-alert utrecht-alert--warning" role="status">
          <p className="utrecht-paragraph">
            Uw sessie is verlopen. Log opnieuw in, dan gaat u verder waar u was.
          </p>
        </div>
      ) : null}
      <ProblemArea problem={problem}>
        <form onSubmit={onSubmit} className="kk-stack">
          <TextField
            id="login-email"
            name="email"
            path="email"
            label="E-mailadres"
            type="email"
            autoComplete="username"
            required
          />
          <TextField
            id="login-password"
            name="password"
            path="password"
            label="Wachtwoord"
            type="password"
            autoComplete="current-password"
            required
          />
          {needsCode ? (
            <TextField
              id="login-code"
              name="code"
              path="code"
              label="Code uit uw authenticator-app"
              description="Zes cijfers. Telefoon kwijt? Vul dan een van uw herstelcodes in."
              autoComplete="one-time-code"
              required
              maxLength={20}
            />
          ) : null}
          <div className="kk-actions">
            <button
              type="submit"
              className="utrecht-button utrecht-button--primary-action"
              disabled={loading}
            >
              {loading ? "Bezig met inloggen…" : "Inloggen"}
            </button>
            <Link className="utrecht-link" to="/wachtwoord-vergeten">
              Wachtwoord vergeten?
            </Link>
          </div>
        </form>
      </ProblemArea>
      <SingleSignOnLogin emailFieldId="login-email" />
    </div>
  );
}
