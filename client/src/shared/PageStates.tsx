import type { ReactNode } from "react";
import { Link } from "react-router";

/** The states every detail page shares: loading, failed, and not (or no longer) there. */
export function PageLoading() {
  return (
    <p className="utrecht-paragraph" role="status">
      Bezig met laden…
    </p>
  );
}

export function PageError({ what }: { what: string }) {
  return (
    <div className="utrecht-alert utrecht-alert--error" role="alert">
      <h1 className="utrecht-heading-1">Er ging iets mis</h1>
      <p className="utrecht-paragraph">
        {what} kon niet worden geladen. Probeer het later opnieuw.
      </p>
    </div>
  );
}

export function PageNotFound({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">
        {children} <Link to="/">Zoek in het aanbod</Link>.
      </p>
    </>
  );
}
