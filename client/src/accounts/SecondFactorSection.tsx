import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { MeQuery } from "../auth/session";
import { graphql } from "../gql";
import { ProblemArea, useFormProblem } from "../shared/form";
import { TextField } from "../shared/fields";
import { useStatusMessage } from "../shared/StatusMessage";
import { PasskeySection } from "./PasskeySection";

const MySecondFactorQuery = graphql(`
  query MySecondFactor {
    mySecondFactor {
      enabled
      recoveryCodesLeft
    }
  }
`);

const StartSecondFactorSetupMutation = graphql(`
  mutation StartSecondFactorSetup {
    startSecondFactorSetup {
      secret
      qrCodeSvg
    }
  }
`);

const ConfirmSecondFactorMutation = graphql(`
  mutation ConfirmSecondFactor($code: String!) {
    confirmSecondFactor(code: $code)
  }
`);

const DisableSecondFactorMutation = graphql(`
  mutation DisableSecondFactor($input: DisableSecondFactorInput!) {
    disableSecondFactor(input: $input)
  }
`);

/**
 * Two-factor login on Mijn account: set up an authenticator app (scan, type one code, keep the
 * recovery codes), or turn it off with the password. `onRecoveryCodesSaved`: what comes after the
 * worker confirmed they kept the codes (where the setup was required: on to the page they asked for).
 */
export function SecondFactorSection({
  onRecoveryCodesSaved,
}: {
  onRecoveryCodesSaved?: () => void;
}) {
  const { data } = useQuery(MySecondFactorQuery);
  const refetch = { refetchQueries: [MySecondFactorQuery] };
  const [start, { data: setup, loading: starting, reset }] = useMutation(
    StartSecondFactorSetupMutation,
  );
  const [confirm, { loading: confirming }] = useMutation(ConfirmSecondFactorMutation, refetch);
  // Where a second factor is required, the account is asked to set one up again at once.
  const [disable, { loading: disabling }] = useMutation(DisableSecondFactorMutation, {
    refetchQueries: [MySecondFactorQuery, MeQuery],
  });
  const { problem, clear, fail } = useFormProblem();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const announce = useStatusMessage();
  const status = data?.mySecondFactor;

  const onStart = async () => {
    clear();
    try {
      await start();
    } catch (caught) {
      fail(caught, "Het instellen is niet begonnen. Probeer het opnieuw.");
    }
  };

  const onConfirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    clear();
    try {
      const result = await confirm({
        variables: { code: String(new FormData(event.currentTarget).get("code")) },
      });
      setRecoveryCodes(result.data!.confirmSecondFactor);
      reset();
    } catch (caught) {
      fail(caught, "De code is niet bevestigd. Probeer het opnieuw.");
    }
  };

  const onDisable = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    clear();
    try {
      await disable({
        variables: {
          input: { password: String(new FormData(event.currentTarget).get("password")) },
        },
      });
      announce("Tweestapsverificatie staat uit.");
    } catch (caught) {
      fail(caught, "Tweestapsverificatie is niet uitgezet. Probeer het opnieuw.");
    }
  };

  const setupData = setup?.startSecondFactorSetup;
  return (
    <section aria-labelledby="tweestaps-kop" className="kk-stack">
      <h2 id="tweestaps-kop" className="utrecht-heading-2">
        Tweestapsverificatie
      </h2>
      {recoveryCodes ? (
        <div className="utrecht-alert utrecht-alert--ok kk-stack" role="status">
          <p className="utrecht-paragraph">
            Tweestapsverificatie staat aan. Bewaar deze herstelcodes op papier of in een
            wachtwoordkluis: met elk ervan logt u één keer in als uw telefoon kwijt is. U ziet ze
            alleen nu.
          </p>
          <ul className="kk-recovery-codes" aria-label="Herstelcodes">
            {recoveryCodes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
          <div>
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              onClick={() => {
                setRecoveryCodes(null);
                onRecoveryCodesSaved?.();
              }}
            >
              Ik heb de codes bewaard
            </button>
          </div>
        </div>
      ) : null}
      <h3 className="utrecht-heading-3">Authenticator-app</h3>
      <ProblemArea problem={problem}>
        {status?.enabled ? (
          <div className="kk-stack">
            <p className="utrecht-paragraph">
              Staat aan: u logt in met uw wachtwoord en een code uit uw authenticator-app. U heeft
              nog {status.recoveryCodesLeft} ongebruikte herstelcodes.
            </p>
            <form onSubmit={onDisable} className="kk-stack">
              <TextField
                id="tweestaps-wachtwoord"
                name="password"
                path="password"
                label="Uw wachtwoord, om tweestapsverificatie uit te zetten"
                type="password"
                autoComplete="current-password"
                required
              />
              <div>
                <button
                  type="submit"
                  className="utrecht-button utrecht-button--secondary-action"
                  disabled={disabling}
                >
                  Tweestapsverificatie uitzetten
                </button>
              </div>
            </form>
          </div>
        ) : setupData ? (
          <form onSubmit={onConfirm} className="kk-stack">
            <ol className="utrecht-ordered-list kk-stack">
              <li>
                Scan deze QR-code met uw authenticator-app (bijvoorbeeld Microsoft Authenticator of
                Google Authenticator).
                <img
                  className="kk-qr-code"
                  src={`data:image/svg+xml;base64,${btoa(setupData.qrCodeSvg)}`}
                  alt="QR-code om Ketenkaart aan uw authenticator-app toe te voegen"
                  width={200}
                  height={200}
                />
                Lukt scannen niet? Vul dan deze sleutel in de app in:{" "}
                <code className="kk-break">{setupData.secret}</code>
              </li>
              <li>Vul de code van zes cijfers in die de app laat zien.</li>
            </ol>
            <TextField
              id="tweestaps-code"
              name="code"
              path="code"
              label="Code uit de app"
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              maxLength={6}
            />
            <div>
              <button
                type="submit"
                className="utrecht-button utrecht-button--primary-action"
                disabled={confirming}
              >
                Bevestigen en aanzetten
              </button>
            </div>
          </form>
        ) : (
          <div className="kk-stack">
            <p className="utrecht-paragraph">
              Met tweestapsverificatie heeft wie uw wachtwoord kent nog niet genoeg om in te loggen:
              er is ook een code van uw telefoon nodig.
            </p>
            <div>
              <button
                type="button"
                className="utrecht-button utrecht-button--primary-action"
                onClick={() => void onStart()}
                disabled={starting || !status}
              >
                Tweestapsverificatie instellen
              </button>
            </div>
          </div>
        )}
      </ProblemArea>
      <PasskeySection onRecoveryCodes={setRecoveryCodes} />
    </section>
  );
}
