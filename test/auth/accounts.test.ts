import { describe, expect, it } from "vitest";
import { Role } from "../../server/auth/role.js";
import { asBearer, graphql, type GraphQLResponse } from "../support/api.js";
import {
  buildOffering,
  buildOrganization,
  database,
  testPassword,
  uniqueWord,
} from "../support/factories.js";
import { openCase, type Headers } from "../support/nazorg.js";
import { consentAndReferral, transitionReferral } from "../support/scenarios.js";
import { attemptLogin, loggedInUser, sessionHeaders } from "../support/session.js";

const accountFields = "id name email roles status lastLoginAt invitationExpiresAt regieCases";

interface AccountData {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  status: "ACTIEF" | "UITGENODIGD" | "UITGESCHAKELD";
  lastLoginAt: string | null;
  invitationExpiresAt: string | null;
  regieCases: number;
}

const strongPassword = "paars konijn fietst door Elst";

function must<T>(result: GraphQLResponse<T>): T {
  if (!result.data || result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

/** Invites someone as `headers`; answers the account and the token of its link. */
async function invite(
  headers: Headers,
  organizationId: string,
  roles: Role[] = [Role.MEDEWERKER],
  name = "Fatima Bakker",
) {
  const email = `${uniqueWord()}@partner.example`;
  const result = await graphql<{ inviteWorker: { account: AccountData; link: string | null } }>(
    `mutation ($input: InviteWorkerInput!) {
       inviteWorker(input: $input) { account { ${accountFields} } link }
     }`,
    { input: { organizationId, name, email, roles } },
    headers,
  );
  return { result, email };
}

/** The regiobeheerder adds a partner with its first beheerder. */
function onboard(
  headers: Headers,
  beheerderEmail: string,
  { name = `Schuldhulp ${uniqueWord()}`, gemeenten = ["GM0202"] } = {},
) {
  return graphql<{
    onboardPartner: {
      organization: { id: string; name: string };
      beheerder: AccountData;
      link: string | null;
    };
  }>(
    `mutation ($input: OnboardPartnerInput!) {
       onboardPartner(input: $input) {
         organization { id name }
         beheerder { ${accountFields} }
         link
       }
     }`,
    {
      input: {
        organization: {
          name,
          kind: "SOCIAAL_RAADSLIEDEN",
          gemeenten,
          nvvkMember: false,
          contactPoint: { phone: "026 123 45 67" },
        },
        beheerder: { name: "Hanneke Smit", email: beheerderEmail },
      },
    },
    headers,
  );
}

async function invited(headers: Headers, organizationId: string, roles?: Role[]) {
  const { result, email } = await invite(headers, organizationId, roles);
  const { account, link } = must(result).inviteWorker;
  // The lane's server sends no e-mail: the inviter gets the link to pass on.
  return { account, email, token: new URL(link!).hash.slice(1) };
}

function accept(token: string, password = strongPassword) {
  return graphql<{ acceptInvitation: { token: string; user: { id: string } } }>(
    `
      mutation ($input: AcceptInvitationInput!) {
        acceptInvitation(input: $input) {
          token
          user {
            id
          }
        }
      }
    `,
    { input: { token, password } },
  );
}

async function accepted(token: string): Promise<Headers> {
  return asBearer(must(await accept(token)).acceptInvitation.token);
}

function accounts(headers: Headers, organizationId: string) {
  return graphql<{ organizationAccounts: AccountData[] }>(
    `query ($id: ID!) { organizationAccounts(organizationId: $id) { ${accountFields} } }`,
    { id: organizationId },
    headers,
  );
}

const change = (mutation: string, headers: Headers, variables: Record<string, unknown>) =>
  graphql<Record<string, AccountData>>(
    `mutation ($userId: ID!${"roles" in variables ? ", $roles: [Role!]!" : ""}) {
       ${mutation}(userId: $userId${"roles" in variables ? ", roles: $roles" : ""}) { ${accountFields} }
     }`,
    variables,
    headers,
  );

const me = (headers: Headers) =>
  graphql<{ me: { id: string } | null }>("{ me { id } }", {}, headers);

describe("onboarding a partner", () => {
  it("takes a new organisation from nothing to a worker accepting a referral", async () => {
    const regio = await loggedInUser({ roles: [Role.BEHEERDER, Role.REGIO_BEHEERDER] });
    // The regiobeheerder adds the partner and its first beheerder in one step.
    const beheerderEmail = `${uniqueWord()}@partner.example`;
    const onboarded = must(await onboard(regio.headers, beheerderEmail)).onboardPartner;
    const created = onboarded.organization;
    expect(onboarded.beheerder).toMatchObject({
      email: beheerderEmail,
      roles: [Role.BEHEERDER, Role.MEDEWERKER],
      status: "UITGENODIGD",
      lastLoginAt: null,
    });
    // The lane's server sends no e-mail: the regiobeheerder gets the link to pass on.
    const first = { email: beheerderEmail, token: new URL(onboarded.link!).hash.slice(1) };
    const details = await graphql<{ invitation: { organizationName: string } | null }>(
      "query ($token: String!) { invitation(token: $token) { organizationName } }",
      { token: first.token },
    );
    expect(details.data?.invitation?.organizationName).toBe(created.name);
    const beheerder = await accepted(first.token);

    // The beheerder invites a worker, who accepts and takes on a referral sent to them.
    const worker = await invited(beheerder, created.id, [Role.MEDEWERKER]);
    const workerHeaders = await accepted(worker.token);
    const offeringId = await buildOffering({ organizationId: created.id });
    const sender = await loggedInUser();
    const { caseId, clientId } = await openCase(sender.headers);
    const { referral, send } = await consentAndReferral(sender.headers, {
      caseId,
      clientId,
      offeringId,
      recipientOrganizationId: created.id,
    });
    await send();
    await transitionReferral(workerHeaders, referral.id, "ACCEPTED");

    const listed = must(await accounts(beheerder, created.id)).organizationAccounts;
    expect(listed.map((account) => [account.email, account.status])).toEqual(
      expect.arrayContaining([
        [first.email, "ACTIEF"],
        [worker.email, "ACTIEF"],
      ]),
    );
    expect(listed.every((account) => account.lastLoginAt !== null)).toBe(true);
  });
});

describe("onboarding a partner", () => {
  it("adds the organisation and its first beheerder both or neither, and only by a regiobeheerder", async () => {
    const regio = await loggedInUser({ roles: [Role.REGIO_BEHEERDER] });
    const taken = await loggedInUser();
    const name = `Budgetmaatjes ${uniqueWord()}`;
    const added = async () =>
      (
        (await (
          await database()
        ).query("SELECT count(*)::int AS n FROM organization WHERE name = $1", [name])) as [
          { n: number },
        ]
      )[0].n;

    // An address that has an account already: refused in Dutch, and no organisation is left.
    const duplicate = await onboard(regio.headers, taken.email, { name });
    expect(duplicate.errors?.[0]).toMatchObject({
      message: "Er is al een account met dit e-mailadres.",
      extensions: { code: "BAD_USER_INPUT" },
    });
    const unknownGemeente = await onboard(regio.headers, `${uniqueWord()}@p.example`, {
      name,
      gemeenten: ["GM9999"],
    });
    expect(unknownGemeente.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

    // A beheerder of an organisation is no regiobeheerder.
    const beheerder = await loggedInUser({ roles: [Role.BEHEERDER] });
    const refused = await onboard(beheerder.headers, `${uniqueWord()}@p.example`, { name });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await added()).toBe(0);

    expect(
      (await onboard(regio.headers, `${uniqueWord()}@p.example`, { name })).errors,
    ).toBeUndefined();
    expect(await added()).toBe(1);
  });
});

describe("an invitation", () => {
  it("works once, and refuses a password that is short, common or the person's own name", async () => {
    const beheerder = await loggedInUser({ roles: [Role.BEHEERDER] });
    const { token } = await invited(beheerder.headers, beheerder.organizationId);
    for (const password of ["kort", "wachtwoord123", "Welkom2026!", "FatimaBakker2026"]) {
      const refused = await accept(token, password);
      expect(refused.errors?.[0]?.extensions, password).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "password",
      });
    }
    expect(must(await accept(token)).acceptInvitation.token).toBeTruthy();
    const again = await accept(token, "nog een ander lang wachtwoord 77");
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "token" });
    expect(again.errors?.[0]?.message).toContain("Vraag de beheerder");
  });

  it("stops working when sent again or withdrawn; the invited account cannot log in meanwhile", async () => {
    const beheerder = await loggedInUser({ roles: [Role.BEHEERDER] });
    const { account, email, token } = await invited(beheerder.headers, beheerder.organizationId);
    // No password yet: not even the password an unknown address is checked against.
    expect((await attemptLogin(email, "no such user")).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );

    const resent = must(
      await graphql<{ resendInvitation: { link: string } }>(
        "mutation ($userId: ID!) { resendInvitation(userId: $userId) { link } }",
        { userId: account.id },
        beheerder.headers,
      ),
    ).resendInvitation;
    expect((await accept(token)).errors?.[0]?.extensions?.field).toBe("token");
    const newToken = new URL(resent.link).hash.slice(1);

    const revoked = must(
      await change("revokeInvitation", beheerder.headers, { userId: account.id }),
    );
    expect(revoked.revokeInvitation!.status).toBe("UITGESCHAKELD");
    expect((await accept(newToken)).errors?.[0]?.extensions?.field).toBe("token");
  });

  it("is sent by a beheerder for their own organisation only, and never for more than they hold", async () => {
    const beheerder = await loggedInUser({ roles: [Role.BEHEERDER] });
    const worker = await loggedInUser({
      organizationId: beheerder.organizationId,
      roles: [Role.MEDEWERKER],
    });
    const elsewhere = await buildOrganization();
    const refusals = [
      (await invite(worker.headers, worker.organizationId)).result,
      (await invite(beheerder.headers, elsewhere)).result,
      (await invite(beheerder.headers, beheerder.organizationId, [Role.REGIO_BEHEERDER])).result,
    ];
    expect(refusals.map((result) => result.errors?.[0]?.extensions?.code)).toEqual([
      "FORBIDDEN",
      "FORBIDDEN",
      "FORBIDDEN",
    ]);
    const taken = await invite(beheerder.headers, beheerder.organizationId);
    const twice = await graphql(
      `
        mutation ($input: InviteWorkerInput!) {
          inviteWorker(input: $input) {
            link
          }
        }
      `,
      {
        input: {
          organizationId: beheerder.organizationId,
          name: "Iemand Anders",
          email: taken.email.toUpperCase(),
          roles: [Role.MEDEWERKER],
        },
      },
      beheerder.headers,
    );
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "email" });
    expect(
      must(await accounts(beheerder.headers, beheerder.organizationId)).organizationAccounts,
    ).toHaveLength(3);
  });
});

describe("a leaver", () => {
  it("loses access at the next request, and their regie shows on the regie-gap list", async () => {
    const regio = await loggedInUser({
      organizationId: await buildOrganization({ gemeenteCodes: ["GM0202"] }),
      roles: [Role.BEHEERDER, Role.REGIO_BEHEERDER],
    });
    const beheerder = await loggedInUser({ roles: [Role.BEHEERDER] });
    const leaver = await loggedInUser({
      organizationId: beheerder.organizationId,
      roles: [Role.MEDEWERKER],
    });
    const { caseId } = await openCase(leaver.headers);
    expect((await me(leaver.headers)).data?.me?.id).toBe(leaver.id);

    const disabled = must(await change("disableAccount", beheerder.headers, { userId: leaver.id }));
    expect(disabled.disableAccount).toMatchObject({ status: "UITGESCHAKELD", regieCases: 1 });
    expect((await me(leaver.headers)).data?.me).toBeNull();
    expect((await attemptLogin(leaver.email, "een-lang-testwachtwoord")).errors).toBeDefined();

    const gaps = must(
      await graphql<{ dashboard: { regieGaps: Array<{ caseId: string; problems: string[] }> } }>(
        "{ dashboard { regieGaps { caseId problems } } }",
        {},
        regio.headers,
      ),
    ).dashboard.regieGaps;
    expect(gaps.find((gap) => gap.caseId === caseId)?.problems).toContain("HOLDER_WORKER_DISABLED");

    const enabled = must(await change("enableAccount", beheerder.headers, { userId: leaver.id }));
    expect(enabled.enableAccount!.status).toBe("ACTIEF");
  });

  it("can never be the organisation's last active beheerder", async () => {
    const beheerder = await loggedInUser({ roles: [Role.BEHEERDER, Role.MEDEWERKER] });
    const self = { userId: beheerder.id };
    const demoted = await change("setAccountRoles", beheerder.headers, {
      ...self,
      roles: [Role.MEDEWERKER],
    });
    expect(demoted.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(
      (await change("disableAccount", beheerder.headers, self)).errors?.[0]?.extensions?.code,
    ).toBe("CONFLICT");

    // With a second beheerder, either may step down.
    const second = await invited(beheerder.headers, beheerder.organizationId, [Role.BEHEERDER]);
    await accepted(second.token);
    const stepped = must(
      await change("setAccountRoles", beheerder.headers, { ...self, roles: [Role.MEDEWERKER] }),
    );
    expect(stepped.setAccountRoles!.roles).toEqual([Role.MEDEWERKER]);
  });
});

describe("the security log", () => {
  it("holds every step of an account for the organisation's beheerder, and nothing of others", async () => {
    const beheerder = await loggedInUser({ roles: [Role.BEHEERDER] });
    const { account, email, token } = await invited(beheerder.headers, beheerder.organizationId);
    await accepted(token);
    await attemptLogin(email, "niet het goede wachtwoord");
    await change("setAccountRoles", beheerder.headers, {
      userId: account.id,
      roles: [Role.MEDEWERKER, Role.COORDINATOR],
    });
    await change("disableAccount", beheerder.headers, { userId: account.id });

    const log = `query ($id: ID!) { securityEvents(organizationId: $id) { kind subjectName roles } }`;
    const events = must(
      await graphql<{ securityEvents: Array<{ kind: string; subjectName: string | null }> }>(
        log,
        { id: beheerder.organizationId },
        beheerder.headers,
      ),
    ).securityEvents.filter((event) => event.subjectName === "Fatima Bakker");
    expect(events.map((event) => event.kind).reverse()).toEqual([
      "INVITED",
      "INVITATION_ACCEPTED",
      "LOGIN",
      "LOGIN_FAILED",
      "ROLES_CHANGED",
      "DISABLED",
    ]);

    const other = await loggedInUser({ roles: [Role.BEHEERDER] });
    const refused = await graphql(log, { id: beheerder.organizationId }, other.headers);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const [row] = (await (
      await database()
    ).query("SELECT count(*)::int AS count FROM security_event WHERE organization_id = $1", [
      beheerder.organizationId,
    ])) as [{ count: number }];
    expect(row.count).toBeGreaterThanOrEqual(6);
  });
});

describe("the own account", () => {
  const changePassword = (headers: Headers, currentPassword: string, newPassword: string) =>
    graphql(
      "mutation ($input: ChangePasswordInput!) { changePassword(input: $input) }",
      { input: { currentPassword, newPassword } },
      headers,
    );
  const sessions = async (headers: Headers) =>
    must(
      await graphql<{ mySessions: Array<{ id: string; current: boolean }> }>(
        "{ mySessions { id current } }",
        {},
        headers,
      ),
    ).mySessions;

  it("changes the password with the current one, and ends the other sessions only", async () => {
    const worker = await loggedInUser();
    const elsewhere = await sessionHeaders(worker.email);
    const wrong = await changePassword(worker.headers, "niet mijn wachtwoord", strongPassword);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ field: "currentPassword" });
    const weak = await changePassword(worker.headers, testPassword, "wachtwoord12345");
    expect(weak.errors?.[0]?.extensions).toMatchObject({ field: "newPassword" });

    expect(must(await changePassword(worker.headers, testPassword, strongPassword))).toEqual({
      changePassword: true,
    });
    expect((await me(worker.headers)).data?.me?.id).toBe(worker.id);
    expect((await me(elsewhere)).data?.me).toBeNull();
    expect((await attemptLogin(worker.email, testPassword)).errors).toBeDefined();
    expect((await attemptLogin(worker.email, strongPassword)).data?.login.token).toBeTruthy();
  });

  it("lists where the worker is logged in, and ends another session", async () => {
    const worker = await loggedInUser();
    const elsewhere = await sessionHeaders(worker.email);
    const listed = await sessions(worker.headers);
    expect(listed).toHaveLength(2);
    const other = listed.find((session) => !session.current)!;
    const left = must(
      await graphql<{ endSession: Array<{ id: string }> }>(
        "mutation ($id: ID!) { endSession(sessionId: $id) { id } }",
        { id: other.id },
        worker.headers,
      ),
    ).endSession;
    expect(left.map((session) => session.id)).not.toContain(other.id);
    expect((await me(elsewhere)).data?.me).toBeNull();

    // Another's session is not the worker's to end.
    const stranger = await loggedInUser();
    const [theirs] = await sessions(stranger.headers);
    const refused = await graphql(
      "mutation ($id: ID!) { endSession(sessionId: $id) { id } }",
      { id: theirs!.id },
      worker.headers,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect((await me(stranger.headers)).data?.me?.id).toBe(stranger.id);
  });
});
