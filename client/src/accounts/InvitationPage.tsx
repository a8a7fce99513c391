import { useMutation, useQuery } from "@apollo/client/react";
import { useLocation } from "react-router";
import { MeQuery } from "../auth/session";
import { graphql } from "../gql";
import { formatDate } from "../shared/format";
import { PageLoading } from "../shared/PageStates";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { ChoosePasswordForm } from "./NewPassword";

const InvitationQuery = graphql(`
  query Invitation($token: String!) {
    invitation(token: $token) {
      name
      email
      organizationName
      expiresAt
    }
  }
`);

const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      expiresAt
      user {
        id
      }
    }
  }
`);

/**
 * Where an invitation's link leads: the invited person sees who invites them, chooses a
 * password and is logged in. The token is the link's fragment, so it never reaches a server log
 * or a Referer header.
 */
export function InvitationPage() {
  useDocumentTitle("Uitnodiging");
  const token = useLocation().hash.slice(1);
  const { data, loading } = useQuery(InvitationQuery, { variables: { token }, skip: !token });
  const [accept, { loading: saving }] = useMutation(AcceptInvitationMutation, {
    refetchQueries: [MeQuery],
    awaitRefetchQueries: true,
  });

  if (loading) return <PageLoading />;
  const invitation = data?.invitation;
  if (!invitation) {
    return (
      <div className="kk-narrow">
        <h1 className="utrecht-heading-1">Deze uitnodiging werkt niet</h1>
        <p className="utrecht-paragraph">
          De link is verlopen, al gebruikt of ingetrokken. Vraag de beheerder van uw organisatie om
          een nieuwe uitnodiging. Heeft u al een wachtwoord gekozen? Dan kunt u{" "}
          <a className="utrecht-link" href="/inloggen">
            inloggen
          </a>
          .
        </p>
      </div>
    );
  }

  return (
    <div className="kk-narrow">
      <h1 className="utrecht-heading-1">Welkom bij Ketenkaart</h1>
      <p className="utrecht-paragraph kk-lead">
        {invitation.organizationName} nodigt u uit, {invitation.name}. Kies een wachtwoord, dan bent
        u meteen ingelogd.
      </p>
      <dl className="utrecht-data-list kk-data-list">
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">Uw e-mailadres</dt>
          <dd className="utrecht-data-list__item-value">{invitation.email}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">De link werkt tot en met</dt>
          <dd className="utrecht-data-list__item-value">{formatDate(invitation.expiresAt)}</dd>
        </div>
      </dl>
      <ChoosePasswordForm
        email={invitation.email}
        idPrefix="uitnodiging"
        label="Kies een wachtwoord"
        repeatLabel="Herhaal het wachtwoord"
        saving={saving}
        save={(password) => accept({ variables: { input: { token, password } } })}
      />
    </div>
  );
}
