import { useApolloClient, useMutation } from "@apollo/client/react";
import { Link, useNavigate } from "react-router";
import { graphql } from "../gql";
import { useMe } from "./session";

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

/** Navigation for professionals, and who is logged in. */
export function UserMenu() {
  const me = useMe();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logout] = useMutation(LogoutMutation);

  if (!me) {
    return (
      <nav aria-label="Account" className="kk-user-menu">
        <Link className="utrecht-link" to="/inloggen">
          Inloggen
        </Link>
      </nav>
    );
  }
  return (
    <nav aria-label="Hoofdmenu" className="kk-user-menu">
      <Link className="utrecht-link" to="/">
        Sociale kaart
      </Link>
      <Link className="utrecht-link" to="/dashboard">
        Dashboard
      </Link>
      <Link className="utrecht-link" to="/casussen">
        Mijn casussen
      </Link>
      <Link className="utrecht-link" to="/overdrachten">
        Overdrachten
      </Link>
      <Link className="utrecht-link" to="/afspraken">
        Mijn afspraken
      </Link>
      <Link className="utrecht-link" to="/ons-aanbod">
        Ons aanbod
      </Link>
      <Link className="utrecht-link" to="/nazorgkaart">
        Nazorgkaart
      </Link>
      {me.roles.includes("REGIO_BEHEERDER") ? (
        <Link className="utrecht-link" to="/open-referral">
          Open Referral
        </Link>
      ) : null}
      {me.roles.includes("BEHEERDER") || me.roles.includes("REGIO_BEHEERDER") ? (
        <Link className="utrecht-link" to="/onze-organisatie/medewerkers">
          Medewerkers
        </Link>
      ) : null}
      <Link className="utrecht-link" to="/meldingen">
        Meldingen
      </Link>
      <Link className="utrecht-link kk-user" to="/mijn-account">
        {me.name} · {me.organization.name}
      </Link>
      <button
        type="button"
        className="utrecht-button utrecht-button--subtle"
        onClick={async () => {
          await logout();
          // Nothing of the session stays in the browser's cache.
          await client.clearStore();
          await client.refetchQueries({ include: "active" });
          navigate("/");
        }}
      >
        Uitloggen
      </button>
    </nav>
  );
}
