import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { PageLoading } from "../shared/PageStates";
import { useMe } from "./session";

/** Pages for professionals: ask to log in first, and come back here afterwards. */
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
  return children;
}
