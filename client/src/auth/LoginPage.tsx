import { useMutation, useQuery } from "@apollo/client/react";
import { CombinedGraphQLErrors } from "@apollo/client";
import {
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
} from "@simplewebauthn/browser";
import { type FormEvent, useRef, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { graphql } from "../gql";
import { ProblemArea, useFormProblem } from "../shared/form";
import { TextField } from "../shared/fields";
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

const LoginSettingsQuery = graphql(`
  query LoginSettings {
    loginSettings {
      secondFactorRequired
      demoPassword
    }
  }
`);

/** The second step the account offers, as the server answered after the right password. */
interface SecondStep {
  app: boolean;
  passkey: boolean;
  /** For the browser's passkey prompt; null when there is no passkey or it was used. */
  passkeyOptions: PublicKeyCredentialRequestOptionsJSON | null;
}

export function LoginPage() {
  useDocumentTitle("Inloggen");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [login, { loading }] = useMutation(LoginMutation, {
    refetchQueries: [MeQuery],
    awaitRefetchQueries: true,
  });
  const settings = useQuery(LoginSettingsQuery).data?.loginSettings;
  const { problem, clear, fail, report } = useFormProblem();
  // Asked for once the password was right and the account has a second factor: which ones.
  const [secondStep, setSecondStep] = useState<SecondStep | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  /** Logs in with what the form holds and the second step given; answers the next step, if any. */
  const attempt = async (secondFactor: { code?: string; passkey?: string }) => {
    const form = new FormData(formRef.current!);
    try {
      await login({
        variables: {
          input: {
            email: String(form.get("email")),
            password: String(form.get("password")),
            code: secondFactor.code ?? null,
            passkey: secondFactor.passkey ?? null,
          },
        },
      });
      // Only a path inside the app, never another site.
      const next = params.get("terug");
      navigate(next?.startsWith("/") && !next.startsWith("//") ? next : "/dashboard");
    } catch (caught) {
      const error = CombinedGraphQLErrors.is(caught) ? caught.errors[0] : undefined;
      if (error?.extensions?.code === "SECOND_FACTOR_REQUIRED") {
        const { app, passkeyOptions } = error.extensions as unknown as SecondStep;
        setSecondStep({ app, passkey: passkeyOptions !== null, passkeyOptions });
        return passkeyOptions;
      }
      // Each passkey attempt uses up its challenge: the next one asks afresh.
      setSecondStep((step) => (step ? { ...step, passkeyOptions: null } : step));
      fail(caught, "Inloggen is niet gelukt. Probeer het opnieuw.");
    }
    return null;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    clear();
    const code = new FormData(event.currentTarget).get("code");
    await attempt(code ? { code: String(code) } : {});
  };

  const onPasskey = async () => {
    clear();
    const options = secondStep?.passkeyOptions ?? (await attempt({}));
    if (!options) return;
    setSecondStep((step) => (step ? { ...step, passkeyOptions: null } : step));
    let response;
    try {
      response = await startAuthentication({ optionsJSON: options });
    } catch {
      report("De passkey is niet gebruikt. Probeer het opnieuw, of vul een code in.");
      return;
    }
    await attempt({ passkey: JSON.stringify(response) });
  };
  const needsCode = secondStep !== null;

  return (
    <div className="kk-narrow">
      <h1 className="utrecht-heading-1">Inloggen</h1>
      <p className="utrecht-paragraph">
        Voor medewerkers van ketenpartners. De sociale kaart is zonder inloggen te gebruiken.
      </p>
      {settings?.demoPassword ? (
        <div className="utrecht-alert utrecht-alert--info">
          <p className="utrecht-paragraph">
            Dit is een demo-omgeving. Log in met een van de demo-accounts uit de README, met
            wachtwoord <code>{settings.demoPassword}</code>.{" "}
            {settings.secondFactorRequired
              ? "Tweestapsverificatie is hier verplicht, ook voor de demo-accounts."
              : "Tweestapsverificatie staat voor de demo-accounts uit."}
          </p>
        </div>
      ) : settings?.secondFactorRequired ? (
        <p className="utrecht-paragraph">
          U logt in met uw wachtwoord en een code uit uw authenticator-app. Heeft u die nog niet
          ingesteld, dan doet u dat na het inloggen.
        </p>
      ) : null}
      {params.get("reden") === "verlopen" ? (
        <div className="utrecht-alert utrecht-alert--warning" role="status">
          <p className="utrecht-paragraph">
            Uw sessie is verlopen. Log opnieuw in, dan gaat u verder waar u was.
          </p>
        </div>
      ) : null}
      <ProblemArea problem={problem}>
        <form ref={formRef} onSubmit={(event) => void onSubmit(event)} className="kk-stack">
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
          {secondStep?.passkey ? (
            <div>
              <button
                type="button"
                className="utrecht-button utrecht-button--primary-action"
                onClick={() => void onPasskey()}
                disabled={loading}
              >
                Inloggen met passkey
              </button>
            </div>
          ) : null}
          {needsCode ? (
            <TextField
              id="login-code"
              name="code"
              path="code"
              label={secondStep.app ? "Code uit uw authenticator-app" : "Herstelcode"}
              description={
                secondStep.app
                  ? "Zes cijfers. Telefoon kwijt? Vul dan een van uw herstelcodes in."
                  : "Geen passkey bij de hand? Vul dan een van uw herstelcodes in."
              }
              autoComplete="one-time-code"
              required={secondStep.app}
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
