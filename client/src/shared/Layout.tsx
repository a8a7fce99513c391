import { useEffect, useRef } from "react";
import { Link, Outlet, useLocation } from "react-router";
import { SessionExpiryWarning } from "../auth/SessionExpiry";
import { UserMenu } from "../auth/UserMenu";
import { PageNotFound } from "./PageStates";
import { StatusProvider } from "./StatusMessage";

/**
 * Skip link, landmarks and focus management: after client-side navigation focus moves to the
 * page's main heading, as a screen reader user expects from a page load.
 */
export function Layout() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = main.current?.querySelector("h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  }, [location.pathname]);

  return (
    <div className="utrecht-document utrecht-page kk-page">
      <a className="utrecht-skip-link kk-skip-link" href="#inhoud">
        Naar de inhoud
      </a>
      <header className="utrecht-page-header kk-header">
        <Link to="/" className="kk-logo">
          Ketenkaart
        </Link>
        <span className="kk-tagline">Sociale kaart schuldhulp en nazorg</span>
        <UserMenu />
      </header>
      <main id="inhoud" ref={main} tabIndex={-1} className="utrecht-page-content kk-main">
        <StatusProvider>
          <Outlet />
          <SessionExpiryWarning />
        </StatusProvider>
      </main>
      <footer className="utrecht-page-footer kk-footer">
        <p className="utrecht-paragraph">
          Ketenkaart – samen werken aan nazorg in de regio. Gegevens worden door de aanbieders zelf
          bijgehouden.
        </p>
        <ul className="kk-footer-links">
          <li>
            <Link className="utrecht-link" to="/privacy">
              Privacy: wat wij over inwoners bewaren
            </Link>
          </li>
          <li>
            <Link className="utrecht-link" to="/toegankelijkheid">
              Toegankelijkheidsverklaring
            </Link>
          </li>
        </ul>
      </footer>
    </div>
  );
}

export function NotFoundPage() {
  return <PageNotFound title="Pagina niet gevonden">Deze pagina bestaat niet (meer).</PageNotFound>;
}
