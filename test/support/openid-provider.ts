import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { inject } from "vitest";

/** A person known to the test issuer: logs in there with this login name. */
export interface IssuerAccount {
  email: string;
  emailVerified?: boolean;
}

export interface TestIssuer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Makes a person known to the issuer; they log in there with `login`. */
  addAccount(login: string, account: IssuerAccount): void;
  stop(): Promise<void>;
}

/**
 * A real OpenID Connect issuer (oidc-provider) on a loopback port, with Ketenkaart's lane server
 * registered as its client. Its login page asks only for a login name (no password: the
 * issuer's own checks are not what is tested) and grants `openid email` at once.
 */
export async function startTestIssuer(baseUrl = inject("baseUrl")): Promise<TestIssuer> {
  const accounts = new Map<string, IssuerAccount>();
  const clientId = "ketenkaart";
  const clientSecret = "een-geheim-van-de-test-issuer";

  const server = http.createServer((req, res) => {
    const interaction = /^\/interaction\/([\w-]+)$/.exec(req.url ?? "");
    if (!interaction) {
      void provider.callback()(req, res);
      return;
    }
    void interact(req, res, interaction[1]!).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${baseUrl}/auth/sso/callback`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true, methods: ["S256"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["sleutel-van-de-test-issuer"] },
    // Explicit lifetimes: the defaults each print a notice.
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: account.email,
          email_verified: account.emailVerified ?? true,
        }),
      };
    },
  });

  async function interact(req: http.IncomingMessage, res: http.ServerResponse, uid: string) {
    const details = await provider.interactionDetails(req, res);
    if (req.method === "GET") {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(`<!doctype html><html lang="nl"><head><title>Inloggen bij de organisatie</title></head>
        <body><main><h1>Inloggen bij de organisatie</h1>
        <form method="post" action="/interaction/${uid}">
          <label for="login">Gebruikersnaam bij de organisatie</label>
          <input id="login" name="login" autocomplete="off">
          <button type="submit">Aanmelden</button>
        </form></main></body></html>`);
      return;
    }
    let body = "";
    for await (const chunk of req) body += String(chunk);
    const login = new URLSearchParams(body).get("login") ?? "";
    if (!accounts.has(login)) {
      await provider.interactionFinished(req, res, {
        error: "access_denied",
        error_description: "unknown login",
      });
      return;
    }
    const grant = new provider.Grant({
      accountId: login,
      clientId: String(details.params.client_id),
    });
    grant.addOIDCScope("openid email");
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: login }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  return {
    issuer,
    clientId,
    clientSecret,
    addAccount: (login, account) => accounts.set(login, account),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
