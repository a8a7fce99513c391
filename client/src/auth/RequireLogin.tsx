import { lazy, type ReactNode, Suspense } from "react";
import { Link, useLocation } from "react-router";
import { PageLoading } from "../shared/PageStates";
import { useMe } from "./session";

const SecondFactorSetupPage = lazy(async () => ({
  default: (await import("../accounts/SecondFactorSetupPage")).SecondFactorSetupPage,
}));

/**
 * Pages for professionals: ask to log in first, and come back here afterwards; where a second
 * factor is required and the account has none yet, set it up first.
 */
export function RequireLogin({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me === undefined) return <PageLoading />;
  if (me === null) {
    // With the query and #fragment: a link from an e-mail points at one referral.
    const returnTo = location.pathname + location.search + location.hash;
    return (
      <>
        <h1 className="utrecht-heading-1">Inloggen nodig</h1>
        <p className="utrecht-paragraph">
          Deze pagina is voor medewerkers van ketenpartners.{" "}
          <Link className="utrecht-link" to={`/inloggen?terug=${encodeURIComponent(returnTo)}`}>
            Log in
          </Link>{" "}
          om verder te gaan.
        </p>
      </>
    );
  }
  if (me.mustSetUpSecondFactor) {
    return (
      <Suspense fallback={<PageLoading />}>
        <SecondFactorSetupPage />
      </Suspense>
    );
  }
  return children;
}
