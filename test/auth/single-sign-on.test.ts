import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Role } from "../../server/auth/role.js";
import { graphql, type GraphQLResponse } from "../support/api.js";
import { buildOrganization, buildUser, database, uniqueWord } from "../support/factories.js";
import { startTestIssuer, type TestIssuer } from "../support/openid-provider.js";
import { securityEventsOf, uniqueIp } from "../support/security-log.js";
import { loggedInUser } from "../support/session.js";
import {
  CookieJar,
  connect,
  finishLogin,
  singleSignOn,
  throughIssuer,
  visit,
} from "../support/single-sign-on.js";

type Headers = Record<string, string>;

const codeOf = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.code;
const fieldOf = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.field;

let issuer: TestIssuer;

/** An organisation with a beheerder and its own domain, connected to the test issuer. */
async function connectedOrganization() {
  const organizationId = await buildOrganization();
  const beheerder = await loggedInUser({
    organizationId,
    roles: [Role.BEHEERDER, Role.MEDEWERKER],
  });
  const domain = `${uniqueWord()}.example`;
  const connected = await connect(beheerder.headers, {
    organizationId,
    issuer: issuer.issuer,
    openidClientId: issuer.clientId,
    clientSecret: issuer.clientSecret,
    emailDomain: domain.toUpperCase(),
  });
  expect(connected.errors).toBeUndefined();
  return { organizationId, beheerder, domain };
}

/** A person on the domain, known to the issuer under a login name of their own. */
function knownToIssuer(domain: string, emailVerified = true) {
  const login = uniqueWord();
  const email = `${login}@${domain}`;
  issuer.addAccount(login, { email, emailVerified });
  return { login, email };
}

async function organizationEvents(organizationId: string): Promise<string[]> {
  const rows = (await (
    await database()
  ).query("SELECT kind FROM security_event WHERE organization_id = $1 ORDER BY id", [
    organizationId,
  ])) as Array<{ kind: string }>;
  return rows.map((row) => row.kind);
}

beforeAll(async () => {
  issuer = await startTestIssuer();
});
afterAll(async () => {
  await issuer?.stop();
});

describe("single sign-on: the connection", () => {
  it("is set by the beheerder after the issuer answered; the secret is never read back", async () => {
    const { organizationId, beheerder, domain } = await connectedOrganization();
    const read = await graphql<{ singleSignOnConnection: Record<string, unknown> }>(
      `
        query ($id: ID!) {
          singleSignOnConnection(organizationId: $id) {
            organizationId
            issuer
            openidClientId
            emailDomain
          }
        }
      `,
      { id: organizationId },
      beheerder.headers,
    );
    expect(read.data!.singleSignOnConnection).toEqual({
      organizationId,
      issuer: issuer.issuer,
      openidClientId: issuer.clientId,
      emailDomain: domain,
    });
    // Not in the schema at all, and sealed in the database.
    const type = await graphql<{ __type: { fields: Array<{ name: string }> } }>(
      '{ __type(name: "SingleSignOnConnection") { fields { name } } }',
    );
    expect(type.data!.__type.fields.map((field) => field.name).join(" ")).not.toMatch(/secret/i);
    const [row] = (await (
      await database()
    ).query(
      "SELECT client_secret_sealed AS sealed FROM sso_connection WHERE organization_id = $1",
      [organizationId],
    )) as [{ sealed: Buffer }];
    expect(row.sealed.includes(Buffer.from(issuer.clientSecret))).toBe(false);
    expect(await organizationEvents(organizationId)).toContain("SSO_CONFIGURED");

    // Replaced without a secret: the stored one is kept, and still works with the issuer.
    const replaced = await connect(beheerder.headers, {
      organizationId,
      issuer: `${issuer.issuer}/`,
      openidClientId: issuer.clientId,
      emailDomain: domain,
    });
    expect(replaced.errors).toBeUndefined();
    const person = knownToIssuer(domain);
    await buildUser({ organizationId, email: person.email });
    expect((await singleSignOn(person.email, person.login, uniqueIp())).path).toBe("/dashboard");
  });

  it("refuses an unreachable issuer, an invalid domain and another organisation's domain, in Dutch", async () => {
    const { domain } = await connectedOrganization();
    const organizationId = await buildOrganization();
    const beheerder = await loggedInUser({ organizationId, roles: [Role.BEHEERDER] });
    const input = {
      organizationId,
      issuer: issuer.issuer,
      openidClientId: issuer.clientId,
      clientSecret: issuer.clientSecret,
      emailDomain: `${uniqueWord()}.example`,
    };
    const unreachable = await connect(beheerder.headers, {
      ...input,
      issuer: "http://127.0.0.1:1",
    });
    expect([codeOf(unreachable), fieldOf(unreachable)]).toEqual(["BAD_USER_INPUT", "issuer"]);
    expect(unreachable.errors![0]!.message).toContain("kan deze issuer niet bereiken");
    const invalid = await connect(beheerder.headers, { ...input, emailDomain: "geen domein" });
    expect([codeOf(invalid), fieldOf(invalid)]).toEqual(["BAD_USER_INPUT", "emailDomain"]);
    const taken = await connect(beheerder.headers, { ...input, emailDomain: domain });
    expect([codeOf(taken), fieldOf(taken)]).toEqual(["BAD_USER_INPUT", "emailDomain"]);
    expect(taken.errors![0]!.message).toBe(
      "Dit e-maildomein is al gekoppeld aan een andere organisatie.",
    );
    const withoutSecret = await connect(beheerder.headers, { ...input, clientSecret: null });
    expect(fieldOf(withoutSecret)).toBe("clientSecret");
    expect(await organizationEvents(organizationId)).not.toContain("SSO_CONFIGURED");
  });

  it("is the business of the organisation's own beheerder only", async () => {
    const { organizationId } = await connectedOrganization();
    const worker = await loggedInUser({ organizationId, roles: [Role.MEDEWERKER] });
    const otherBeheerder = await loggedInUser({ roles: [Role.BEHEERDER] });
    const read = (headers: Headers) =>
      graphql(
        "query ($id: ID!) { singleSignOnConnection(organizationId: $id) { issuer } }",
        { id: organizationId },
        headers,
      );
    expect(codeOf(await read(worker.headers))).toBe("FORBIDDEN");
    expect(codeOf(await read(otherBeheerder.headers))).toBe("FORBIDDEN");
    const removal = await graphql(
      "mutation ($id: ID!) { removeSingleSignOn(organizationId: $id) }",
      { id: organizationId },
      otherBeheerder.headers,
    );
    expect(codeOf(removal)).toBe("FORBIDDEN");
  });

  it("once removed, sends the domain's users back to their password", async () => {
    const { organizationId, beheerder, domain } = await connectedOrganization();
    const person = knownToIssuer(domain);
    await buildUser({ organizationId, email: person.email });
    const removed = await graphql<{ removeSingleSignOn: boolean }>(
      "mutation ($id: ID!) { removeSingleSignOn(organizationId: $id) }",
      { id: organizationId },
      beheerder.headers,
    );
    expect(removed.data!.removeSingleSignOn).toBe(true);
    expect(await organizationEvents(organizationId)).toContain("SSO_REMOVED");
    expect(await singleSignOn(person.email, person.login, uniqueIp())).toMatchObject({
      refusal: "geen-koppeling",
      session: undefined,
    });
  });
});

describe("single sign-on: logging in", () => {
  it("logs an active account of the organisation in, as a password login does", async () => {
    const { organizationId, domain } = await connectedOrganization();
    const person = knownToIssuer(domain);
    const user = await buildUser({ organizationId, email: person.email });
    // The address as someone might type it.
    const result = await singleSignOn(person.email.toUpperCase(), person.login, uniqueIp());
    expect(result.path).toBe("/dashboard");
    const me = await graphql<{ me: { id: string } }>(
      "{ me { id } }",
      {},
      {
        cookie: `kk_session=${result.session}`,
      },
    );
    expect(me.data!.me.id).toBe(user.id);
    expect(await securityEventsOf(user.id)).toEqual(["LOGIN"]);
    // The issuer's login stands in for Ketenkaart's second factor.
    const sessions = (await (
      await database()
    ).query("SELECT second_factor_by_issuer AS issuer FROM user_session WHERE user_id = $1", [
      user.id,
    ])) as Array<{ issuer: boolean }>;
    expect(sessions).toEqual([{ issuer: true }]);
  });

  it("accepts an invitation on the first login; the account is active from then on", async () => {
    const { organizationId, beheerder, domain } = await connectedOrganization();
    const person = knownToIssuer(domain);
    const invited = await graphql<{ inviteWorker: { account: { id: string; status: string } } }>(
      `
        mutation ($input: InviteWorkerInput!) {
          inviteWorker(input: $input) {
            account {
              id
              status
            }
          }
        }
      `,
      {
        input: {
          organizationId,
          name: "Sanne de Vries",
          email: person.email,
          roles: ["MEDEWERKER"],
        },
      },
      beheerder.headers,
    );
    const { id } = invited.data!.inviteWorker.account;
    expect(invited.data!.inviteWorker.account.status).toBe("UITGENODIGD");

    const first = await singleSignOn(person.email, person.login, uniqueIp());
    expect(first.path).toBe("/dashboard");
    const second = await singleSignOn(person.email, person.login, uniqueIp());
    expect(second.path).toBe("/dashboard");
    expect(second.session).not.toBe(first.session);

    const accounts = await graphql<{ organizationAccounts: Array<{ id: string; status: string }> }>(
      "query ($id: ID!) { organizationAccounts(organizationId: $id) { id status } }",
      { id: organizationId },
      beheerder.headers,
    );
    expect(accounts.data!.organizationAccounts.find((account) => account.id === id)!.status).toBe(
      "ACTIEF",
    );
    expect(await securityEventsOf(id)).toEqual([
      "INVITED",
      "INVITATION_ACCEPTED",
      "LOGIN",
      "LOGIN",
    ]);
    // The invitation's link is used up: nobody can set a password with it any more.
    const [link] = (await (
      await database()
    ).query("SELECT used_at FROM account_link WHERE user_id = $1", [id])) as [
      { used_at: Date | null },
    ];
    expect(link.used_at).not.toBeNull();
  });

  it("refuses an unknown address and a disabled account alike, and logs the failure of the known one", async () => {
    const { organizationId, domain } = await connectedOrganization();
    const stranger = knownToIssuer(domain);
    const leaver = knownToIssuer(domain);
    const user = await buildUser({ organizationId, email: leaver.email });
    await (
      await database()
    ).query("UPDATE app_user SET disabled_at = now() WHERE id = $1", [user.id]);
    const unknown = await singleSignOn(stranger.email, stranger.login, uniqueIp());
    const disabled = await singleSignOn(leaver.email, leaver.login, uniqueIp());
    expect(unknown).toEqual({ path: "/inloggen", refusal: "geweigerd", session: undefined });
    expect(disabled).toEqual(unknown);
    expect(await securityEventsOf(user.id)).toEqual(["LOGIN_FAILED"]);
    // An account of another organisation with an address on the domain is no way in either.
    const elsewhere = knownToIssuer(domain);
    await buildUser({ email: elsewhere.email });
    expect((await singleSignOn(elsewhere.email, elsewhere.login, uniqueIp())).refusal).toBe(
      "geweigerd",
    );
  });

  it("refuses an address of another domain, or one the issuer has not verified", async () => {
    const { organizationId, domain } = await connectedOrganization();
    // Starts with an address on the domain, but is someone else at the issuer.
    const outsider = uniqueWord();
    issuer.addAccount(outsider, { email: `${outsider}@elders.example` });
    const onDomain = `${outsider}@${domain}`;
    await buildUser({ organizationId, email: onDomain });
    expect(await singleSignOn(onDomain, outsider, uniqueIp())).toMatchObject({
      refusal: "ander-domein",
      session: undefined,
    });
    const unverified = knownToIssuer(domain, false);
    await buildUser({ organizationId, email: unverified.email });
    expect((await singleSignOn(unverified.email, unverified.login, uniqueIp())).refusal).toBe(
      "geweigerd",
    );
    // A domain nobody connected.
    expect((await singleSignOn(`iemand@${uniqueWord()}.example`, "x", uniqueIp())).refusal).toBe(
      "geen-koppeling",
    );
  });

  it("refuses a tampered state and an answer brought to another browser; the real one works once", async () => {
    const { organizationId, domain } = await connectedOrganization();
    const person = knownToIssuer(domain);
    const user = await buildUser({ organizationId, email: person.email });
    const ip = uniqueIp();
    const started = await throughIssuer(person.email, person.login, ip);
    const callback = started.callback!;

    const tampered = new URL(callback);
    tampered.searchParams.set("state", `${callback.searchParams.get("state")}x`);
    expect(await finishLogin(started.jar.without(callback.href, ""), tampered, ip)).toMatchObject({
      refusal: "verlopen",
      session: undefined,
    });
    const otherBrowser = started.jar.without(callback.href, "kk_sso_state");
    expect(await finishLogin(otherBrowser, callback, ip)).toMatchObject({
      refusal: "verlopen",
      session: undefined,
    });

    const jar = started.jar.without(callback.href, "");
    expect((await finishLogin(jar, callback, ip)).path).toBe("/dashboard");
    // Replayed, even with the state cookie put back: the attempt was used up.
    const replay = started.jar.without(callback.href, "");
    expect(await finishLogin(replay, callback, ip)).toMatchObject({ refusal: "verlopen" });
    expect(await securityEventsOf(user.id)).toEqual(["LOGIN"]);
  });

  it("counts the starts per IP address, and refuses them past the limit", async () => {
    const ip = uniqueIp();
    const start = new URL(
      `${inject("baseUrl")}/auth/sso/start?email=iemand@${uniqueWord()}.example`,
    );
    // The window is a minute: on a slow machine it may start over once, never refusing early.
    let accepted = 0;
    for (; accepted < 300; accepted++) {
      const response = await visit(new CookieJar(), start, ip);
      const location = response.headers.get("location");
      if (location === "/inloggen?sso=te-vaak") break;
      expect(location).toBe("/inloggen?sso=geen-koppeling");
    }
    expect(accepted).toBeGreaterThanOrEqual(100);
    expect(accepted).toBeLessThan(300);
  });
});
