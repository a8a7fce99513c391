import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useMe } from "../auth/session";
import { getFragmentData, graphql } from "../gql";
import type { AccountFieldsFragment, Role } from "../gql/graphql";
import { errorMessage } from "../shared/errors";
import { ErrorAlert } from "../shared/ErrorAlert";
import { ProblemArea, useFormProblem } from "../shared/form";
import { CheckboxGroup, TextField } from "../shared/fields";
import { formatDate, formatDateTime, formatList } from "../shared/format";
import { PageError, PageLoading } from "../shared/PageStates";
import { useStatusMessage } from "../shared/StatusMessage";
import { labelsOf, useTaxonomyLabels } from "../shared/taxonomy";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { type HandedLink, HandedLinkNotice } from "./HandedLink";
import { SingleSignOnSection } from "./SingleSignOnSection";
import { AccountActions, OpenWork } from "./AccountActions";

const AccountFields = graphql(`
  fragment AccountFields on Account {
    id
    name
    email
    roles
    status
    lastLoginAt
    invitationExpiresAt
    regieCases
    openAgreements
    nazorgPlans
    secondFactor
  }
`);

const AccountsQuery = graphql(`
  query OrganizationAccounts($organizationId: ID!) {
    organization(id: $organizationId) {
      id
      name
    }
    organizationAccounts(organizationId: $organizationId) {
      ...AccountFields
    }
    securityEvents(organizationId: $organizationId, first: 20) {
      id
      occurredAt
      kind
      actorName
      subjectName
      roles
    }
  }
`);

const InviteMutation = graphql(`
  mutation InviteWorker($input: InviteWorkerInput!) {
    inviteWorker(input: $input) {
      account {
        ...AccountFields
      }
      link
    }
  }
`);

const ResendMutation = graphql(`
  mutation ResendInvitation($userId: ID!) {
    resendInvitation(userId: $userId) {
      account {
        ...AccountFields
      }
      link
    }
  }
`);

const RevokeMutation = graphql(`
  mutation RevokeInvitation($userId: ID!) {
    revokeInvitation(userId: $userId) {
      ...AccountFields
    }
  }
`);

const SetRolesMutation = graphql(`
  mutation SetAccountRoles($userId: ID!, $roles: [Role!]!) {
    setAccountRoles(userId: $userId, roles: $roles) {
      ...AccountFields
    }
  }
`);

const DisableMutation = graphql(`
  mutation DisableAccount($userId: ID!) {
    disableAccount(userId: $userId) {
      ...AccountFields
    }
  }
`);

const EnableMutation = graphql(`
  mutation EnableAccount($userId: ID!) {
    enableAccount(userId: $userId) {
      ...AccountFields
    }
  }
`);

const ResetSecondFactorMutation = graphql(`
  mutation ResetSecondFactor($userId: ID!) {
    resetSecondFactor(userId: $userId) {
      ...AccountFields
    }
  }
`);

/** A link to pass on by hand, when this Ketenkaart sends no e-mail. */
/**
 * The beheerder's page for the people of their organisation: invite a new colleague, see who
 * has not accepted yet, change roles, and disable a leaver at once (with what they leave to hand
 * over). The regiobeheerder opens it for any organisation (`?organisatie=`).
 */
export function AccountsPage() {
  useDocumentTitle("Medewerkers");
  const me = useMe();
  const [params] = useSearchParams();
  const organizationId = params.get("organisatie") ?? me?.organization.id ?? "";
  const manages = !!me && (me.roles.includes("REGIO_BEHEERDER") || me.roles.includes("BEHEERDER"));
  const { data, loading, error } = useQuery(AccountsQuery, {
    variables: { organizationId },
    skip: !organizationId || !manages,
  });
  const refetchQueries = [AccountsQuery];
  const [invite, { loading: inviting }] = useMutation(InviteMutation, { refetchQueries });
  const [resend] = useMutation(ResendMutation, { refetchQueries });
  const [revoke] = useMutation(RevokeMutation, { refetchQueries });
  const [setRoles] = useMutation(SetRolesMutation, { refetchQueries });
  const [disable] = useMutation(DisableMutation, { refetchQueries });
  const [enable] = useMutation(EnableMutation, { refetchQueries });
  const [resetSecondFactor] = useMutation(ResetSecondFactorMutation, { refetchQueries });
  const taxonomy = useTaxonomyLabels();
  const announce = useStatusMessage();
  const { problem, clear, fail } = useFormProblem();
  const [handed, setHanded] = useState<HandedLink | null>(null);
  const [actionProblem, setActionProblem] = useState<string | null>(null);

  if (me === undefined || (loading && !data)) return <PageLoading />;
  if (!manages) {
    return (
      <div className="kk-detail">
        <h1 className="utrecht-heading-1">Medewerkers</h1>
        <p className="utrecht-paragraph">
          Alleen een beheerder van uw organisatie kan medewerkers uitnodigen en accounts beheren.
        </p>
      </div>
    );
  }
  if (error || !data?.organization) return <PageError what="De medewerkers" />;
  const { organization, securityEvents } = data;
  const accounts = getFragmentData(AccountFields, data.organizationAccounts);
  // Nobody grants more than they hold: the regiobeheerder's role only a regiobeheerder gives.
  const roleLabels = Object.fromEntries(
    Object.entries(taxonomy?.roles ?? {}).filter(
      ([role]) => role !== "REGIO_BEHEERDER" || me.roles.includes("REGIO_BEHEERDER"),
    ),
  );
  const labelOf = (values: readonly string[] | null | undefined, from = taxonomy?.roles) =>
    formatList(labelsOf(values ?? [], from));

  const onInvite = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    clear();
    setHanded(null);
    const name = String(form.get("naam"));
    try {
      const result = await invite({
        variables: {
          input: {
            organizationId,
            name,
            email: String(form.get("email")),
            roles: form.getAll("rol").map(String) as Role[],
          },
        },
      });
      const sent = result.data!.inviteWorker;
      formElement.reset();
      if (sent.link) {
        const account = getFragmentData(AccountFields, sent.account);
        setHanded({ name, link: sent.link, expiresAt: account.invitationExpiresAt ?? null });
      } else {
        announce(`De uitnodiging is per e-mail verstuurd naar ${name}.`);
      }
    } catch (caught) {
      fail(caught, "De uitnodiging is niet verstuurd. Probeer het opnieuw.");
    }
  };

  /** Runs an action on one account; its refusal shows above the list. */
  const act = async (run: () => Promise<unknown>, done: string) => {
    setActionProblem(null);
    try {
      await run();
      announce(done);
    } catch (caught) {
      setActionProblem(errorMessage(caught, "Dat is niet gelukt. Probeer het opnieuw."));
    }
  };

  const onResend = (account: AccountFieldsFragment) =>
    act(async () => {
      const result = await resend({ variables: { userId: account.id } });
      const sent = result.data!.resendInvitation;
      if (sent.link) {
        setHanded({
          name: account.name,
          link: sent.link,
          expiresAt: getFragmentData(AccountFields, sent.account).invitationExpiresAt ?? null,
        });
      }
    }, `Er is een nieuwe uitnodiging voor ${account.name}.`);

  return (
    <div className="kk-wide-form">
      <h1 className="utrecht-heading-1">Medewerkers van {organization.name}</h1>
      {me.roles.includes("REGIO_BEHEERDER") ? (
        <p className="utrecht-paragraph">
          Een nieuwe organisatie in de regio?{" "}
          <Link className="utrecht-link" to="/ketenpartners/nieuw">
            Ketenpartner toevoegen
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="uitnodigen-kop" className="kk-stack">
        <h2 id="uitnodigen-kop" className="utrecht-heading-2">
          Iemand uitnodigen
        </h2>
        <p className="utrecht-paragraph">
          De nieuwe collega krijgt een link waarmee hij of zij een wachtwoord kiest. De link werkt
          één keer, zeven dagen lang.
        </p>
        {handed ? <HandedLinkNotice handed={handed} /> : null}
        <ProblemArea problem={problem}>
          <form onSubmit={onInvite} className="kk-stack">
            <TextField
              id="uitnodigen-naam"
              name="naam"
              path="name"
              label="Naam"
              required
              maxLength={200}
            />
            <TextField
              id="uitnodigen-email"
              name="email"
              path="email"
              label="E-mailadres"
              type="email"
              required
            />
            <CheckboxGroup
              legend="Rollen"
              name="rol"
              path="roles"
              labels={roleLabels}
              selected={["MEDEWERKER"]}
            />
            <div>
              <button
                type="submit"
                className="utrecht-button utrecht-button--primary-action"
                disabled={inviting}
              >
                Uitnodiging versturen
              </button>
            </div>
          </form>
        </ProblemArea>
      </section>

      <section aria-labelledby="accounts-kop" className="kk-stack">
        <h2 id="accounts-kop" className="utrecht-heading-2">
          Accounts
        </h2>
        <ErrorAlert message={actionProblem} />
        <ul className="kk-account-list">
          {accounts.map((account) => (
            <li key={account.id} className="kk-account-item kk-stack">
              <h3 className="utrecht-heading-3">{account.name}</h3>
              <p className="utrecht-paragraph">
                <span
                  className={`utrecht-badge-status kk-account kk-account--${account.status.toLowerCase()}`}
                >
                  {labelOf([account.status], taxonomy?.accountStatuses)}
                </span>{" "}
                {labelOf(account.roles)}
              </p>
              <dl className="utrecht-data-list kk-data-list">
                <div className="utrecht-data-list__item">
                  <dt className="utrecht-data-list__item-key">E-mailadres</dt>
                  <dd className="utrecht-data-list__item-value">{account.email}</dd>
                </div>
                <div className="utrecht-data-list__item">
                  <dt className="utrecht-data-list__item-key">Laatst ingelogd</dt>
                  <dd className="utrecht-data-list__item-value">
                    {account.lastLoginAt ? formatDateTime(account.lastLoginAt) : "Nog nooit"}
                  </dd>
                </div>
                {account.status === "ACTIEF" ? (
                  <div className="utrecht-data-list__item">
                    <dt className="utrecht-data-list__item-key">Tweestapsverificatie</dt>
                    <dd className="utrecht-data-list__item-value">
                      {account.secondFactor ? "Aan" : "Uit"}
                    </dd>
                  </div>
                ) : null}
                {account.status === "UITGENODIGD" && account.invitationExpiresAt ? (
                  <div className="utrecht-data-list__item">
                    <dt className="utrecht-data-list__item-key">Uitnodiging werkt tot en met</dt>
                    <dd className="utrecht-data-list__item-value">
                      {formatDate(account.invitationExpiresAt)}
                    </dd>
                  </div>
                ) : null}
              </dl>
              <OpenWork account={account} />
              <AccountActions
                account={account}
                isSelf={account.id === me.id}
                roleLabels={roleLabels}
                onResend={() => void onResend(account)}
                onRevoke={() =>
                  void act(
                    () => revoke({ variables: { userId: account.id } }),
                    `De uitnodiging van ${account.name} is ingetrokken.`,
                  )
                }
                onRoles={(roles) =>
                  void act(
                    () => setRoles({ variables: { userId: account.id, roles } }),
                    `De rollen van ${account.name} zijn gewijzigd.`,
                  )
                }
                onDisable={() =>
                  void act(
                    () => disable({ variables: { userId: account.id } }),
                    `${account.name} is uitgeschakeld en overal uitgelogd.`,
                  )
                }
                onEnable={() =>
                  void act(
                    () => enable({ variables: { userId: account.id } }),
                    `${account.name} kan weer inloggen.`,
                  )
                }
                onResetSecondFactor={() =>
                  void act(
                    () => resetSecondFactor({ variables: { userId: account.id } }),
                    `De tweestapsverificatie van ${account.name} is gewist.`,
                  )
                }
              />
            </li>
          ))}
        </ul>
      </section>

      <SingleSignOnSection organizationId={organizationId} />

      <section aria-labelledby="logboek-kop" className="kk-stack">
        <h2 id="logboek-kop" className="utrecht-heading-2">
          Beveiligingslogboek
        </h2>
        <p className="utrecht-paragraph">
          Wie er inlogde, en wie wie uitnodigde, rollen gaf of uitschakelde. De laatste twintig.
        </p>
        {/* Scrolls sideways on a phone, so it takes the keyboard's focus too. */}
        <div
          className="kk-table-scroll"
          tabIndex={0}
          role="region"
          aria-label="Tabel van het logboek"
        >
          <table className="utrecht-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  Wanneer
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  Wat
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  Account
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  Door
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {securityEvents.map((event) => (
                <tr key={event.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{formatDateTime(event.occurredAt)}</td>
                  <td className="utrecht-table__cell">
                    {labelOf([event.kind], taxonomy?.securityEvents)}
                    {event.roles ? `: ${labelOf(event.roles)}` : ""}
                  </td>
                  <td className="utrecht-table__cell">{event.subjectName ?? "–"}</td>
                  <td className="utrecht-table__cell">{event.actorName ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

/** What a disabled account still holds, to be handed over to a colleague. */
