import { randomInt } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { Role } from "../../server/auth/role.js";
import { loadConfig } from "../../server/config.js";
import { counterKey } from "../../server/security/rate-limits.js";
import { graphql } from "../support/api.js";
import {
  buildOrganization,
  buildUser,
  database,
  testPassword,
  uniqueWord,
} from "../support/factories.js";
import { startInstance } from "../support/instance.js";
import { openCase } from "../support/nazorg.js";
import { scheduleZorgoverleg } from "../support/scenarios.js";
import { attemptLogin, loggedInUser } from "../support/session.js";

const limits = loadConfig({}).rateLimits;

/** A documentation address (2001:db8::/32) of its own, so no other test shares the counter. */
const freshIp = () =>
  `2001:db8:${randomInt(65536).toString(16)}:${randomInt(65536).toString(16)}::1`;

/** A login from this IP address, to the lane's server or another instance. */
function logIn(email: string, password: string, ip: string, baseUrl?: string) {
  return attemptLogin(email, password, { baseUrl, headers: { "x-forwarded-for": ip } });
}

/** Runs `count` requests, `concurrency` at a time. */
async function inBatches<T>(
  count: number,
  concurrency: number,
  request: (i: number) => Promise<T>,
) {
  const results: T[] = [];
  for (let start = 0; start < count; start += concurrency) {
    const size = Math.min(concurrency, count - start);
    results.push(
      ...(await Promise.all(Array.from({ length: size }, (_, i) => request(start + i)))),
    );
  }
  return results;
}

describe("login rate limits", () => {
  it(`refuses an account after ${limits.loginFailuresPerAccount} failed logins, even with the right password`, async () => {
    const user = await buildUser();
    const ip = freshIp();
    for (let attempt = 0; attempt < limits.loginFailuresPerAccount; attempt++) {
      const failed = await logIn(user.email, "fout-wachtwoord", ip);
      expect(failed.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
    // Upper case and another IP count as the same account.
    const refused = await logIn(user.email.toUpperCase(), testPassword, freshIp());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(60);
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(
        /^Te veel mislukte inlogpogingen\. Probeer het over \d+ minuten opnieuw\.$/,
      ),
      extensions: { code: "TOO_MANY_REQUESTS" },
    });
    expect(refused.data?.login ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions).not.toHaveProperty("http");

    // Another account from the same IP is not affected.
    const colleague = await buildUser();
    expect((await logIn(colleague.email, testPassword, ip)).data?.login.token).toBeTruthy();
  });

  it("clears an account's failures after a successful login", async () => {
    const user = await buildUser();
    const ip = freshIp();
    for (let round = 0; round < 2; round++) {
      for (let attempt = 0; attempt < limits.loginFailuresPerAccount - 1; attempt++) {
        await logIn(user.email, "fout-wachtwoord", ip);
      }
      expect((await logIn(user.email, testPassword, ip)).data?.login.token).toBeTruthy();
    }
  });

  it("checks no more passwords than the limit allows when the attempts come all at once", async () => {
    const user = await buildUser();
    const ip = freshIp();
    const attempts = 5 * limits.loginFailuresPerAccount;
    // The right password among wrong ones, every attempt sent before any is answered.
    const results = await Promise.all(
      Array.from({ length: attempts }, (_, i) =>
        logIn(user.email, i === attempts - 1 ? testPassword : `fout-wachtwoord-${i}`, ip),
      ),
    );
    const refused = results.filter((r) => r.errors?.[0]?.extensions?.code === "TOO_MANY_REQUESTS");
    const checked = results.filter((r) => !refused.includes(r));
    expect(checked).toHaveLength(limits.loginFailuresPerAccount);
    expect(refused).toHaveLength(attempts - limits.loginFailuresPerAccount);
    expect(refused.every((r) => r.status === 429 && !r.data?.login)).toBe(true);
    // Unless the right one happened to be among the checked ones, the account is now locked.
    if (checked.every((r) => !r.data?.login)) {
      expect((await logIn(user.email, testPassword, freshIp())).status).toBe(429);
    }
  });

  it("counts every spelling of an address that reaches the account as that account", async () => {
    const user = await buildUser({ email: `${uniqueWord()}-inlog@test.example` });
    for (let attempt = 0; attempt < limits.loginFailuresPerAccount; attempt++) {
      await logIn(user.email, "fout-wachtwoord", freshIp());
    }
    // Upper case and fullwidth letters (NFKC makes them ASCII) reach the account: its limit
    // holds for all of them, even with the right password.
    const [local, domain] = user.email.split("@") as [string, string];
    const fullwidth = [...local]
      .map((c) => (/[a-z]/.test(c) ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c))
      .join("");
    for (const spelling of [
      user.email.toUpperCase(),
      `${fullwidth}@${domain}`,
      `${local}@TEST.EXAMPLE`,
    ]) {
      const refused = await logIn(spelling, testPassword, freshIp());
      expect(refused.errors?.[0]?.extensions?.code, spelling).toBe("TOO_MANY_REQUESTS");
    }
    // A dotted capital I is another letter than i (JavaScript lowers it to i + a dot, the C
    // library to i): that address is no spelling of this account and does not log in to it.
    const dotted = user.email.replace("inlog", "İnlog");
    const other = await logIn(dotted, testPassword, freshIp());
    expect(other.data?.login ?? null).toBeNull();
    expect(other.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("counts unknown addresses too, so the limit does not tell which accounts exist", async () => {
    const unknown = `${uniqueWord()}@test.example`;
    const ip = freshIp();
    for (let attempt = 0; attempt < limits.loginFailuresPerAccount; attempt++) {
      await logIn(unknown, "fout-wachtwoord", ip);
    }
    const refused = await logIn(unknown, "fout-wachtwoord", ip);
    expect(refused.errors?.[0]?.extensions?.code).toBe("TOO_MANY_REQUESTS");
  });

  it(`refuses an IP after ${limits.loginFailuresPerIp} failed logins, for every account`, async () => {
    const ip = freshIp();
    const results = await inBatches(limits.loginFailuresPerIp, 8, () =>
      logIn(`${uniqueWord()}@test.example`, "fout-wachtwoord", ip),
    );
    expect(results.every((r) => r.errors?.[0]?.extensions?.code === "UNAUTHENTICATED")).toBe(true);

    const user = await buildUser();
    const refused = await logIn(user.email, testPassword, ip);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions?.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    // The same user from another address logs in: the account itself has no failures.
    expect((await logIn(user.email, testPassword, freshIp())).data?.login.token).toBeTruthy();
  });

  it("reads the client's IP from the nearest proxy only: a forged first hop does not escape", async () => {
    const proxySeen = freshIp();
    const results = await inBatches(limits.loginFailuresPerIp, 8, (i) =>
      logIn(`${uniqueWord()}@test.example`, "fout-wachtwoord", `10.0.${i % 250}.1, ${proxySeen}`),
    );
    expect(results.every((r) => r.errors?.[0]?.extensions?.code === "UNAUTHENTICATED")).toBe(true);
    const user = await buildUser();
    const refused = await logIn(user.email, testPassword, `10.9.9.9, ${proxySeen}`);
    expect(refused.errors?.[0]?.extensions?.code).toBe("TOO_MANY_REQUESTS");
  });

  it("counts no successful login against its IP: an office behind one address logs in all day", async () => {
    // An instance with a per-IP limit of 3 on the lane's database, from an address of its own.
    const instance = await startInstance({ RATE_LIMIT_LOGIN_PER_IP: "3" });
    try {
      const office = freshIp();
      const organizationId = await buildOrganization();
      for (let worker = 0; worker < 4; worker++) {
        const user = await buildUser({ organizationId });
        const login = await logIn(user.email, testPassword, office, instance.baseUrl);
        expect(login.data?.login.token, `worker ${worker + 1}`).toBeTruthy();
      }
      // Its failures still count: after three, the office's next attempt is refused.
      for (let attempt = 0; attempt < 3; attempt++) {
        await logIn(`${uniqueWord()}@test.example`, "fout-wachtwoord", office, instance.baseUrl);
      }
      const user = await buildUser({ organizationId });
      const refused = await logIn(user.email, testPassword, office, instance.baseUrl);
      expect(refused.errors?.[0]?.extensions?.code).toBe("TOO_MANY_REQUESTS");
    } finally {
      await instance.stop();
    }
  });

  it("trusts no X-Forwarded-For unless told a proxy stands in front: a forged one does not escape", async () => {
    // TRUST_PROXY_HOPS unset, as `npm start` on a machine without a proxy. A database of its
    // own: this instance counts the test runner's own address, which other tests log in from.
    const instance = await startInstance(
      { TRUST_PROXY_HOPS: "", RATE_LIMIT_LOGIN_PER_IP: "3", SEED_DEMO_REGION: "false" },
      { ownDatabase: true },
    );
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        const failed = await logIn(
          `${uniqueWord()}@test.example`,
          "fout-wachtwoord",
          freshIp(),
          instance.baseUrl,
        );
        expect(failed.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      }
      const refused = await logIn(
        `${uniqueWord()}@test.example`,
        "fout-wachtwoord",
        freshIp(),
        instance.baseUrl,
      );
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0]?.extensions?.code).toBe("TOO_MANY_REQUESTS");
    } finally {
      await instance.stop();
    }
  });
});

describe("per-user request limit", () => {
  it(`refuses a user's request number ${limits.requestsPerUserPerMinute + 1} within a minute, and only that user's`, async () => {
    const worker = await loggedInUser();
    const colleague = await loggedInUser({ organizationId: worker.organizationId });
    const results = await inBatches(limits.requestsPerUserPerMinute, 16, () =>
      graphql<{ me: { id: string } }>(
        `
          {
            me {
              id
            }
          }
        `,
        {},
        worker.headers,
      ),
    );
    expect(results.filter((r) => r.status !== 200)).toEqual([]);

    const refused = await graphql(
      `
        {
          me {
            id
          }
        }
      `,
      {},
      worker.headers,
    );
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(
        /^Te veel verzoeken achter elkaar\. Probeer het over \d+ seconden opnieuw\.$/,
      ),
      extensions: { code: "TOO_MANY_REQUESTS" },
    });
    expect(JSON.stringify(refused)).not.toContain(worker.id);

    const other = await graphql<{ me: { id: string } }>(
      `
        {
          me {
            id
          }
        }
      `,
      {},
      colleague.headers,
    );
    expect(other.data?.me.id).toBe(colleague.id);
    // The public sociale kaart without a session is not counted per user.
    expect(
      (
        await graphql(`
          {
            regions {
              id
            }
          }
        `)
      ).status,
    ).toBe(200);
  });

  it("lets a refused user work again once their minute is over", async () => {
    const worker = await loggedInUser();
    const me = () =>
      graphql<{ me: { id: string } }>(
        `
          {
            me {
              id
            }
          }
        `,
        {},
        worker.headers,
      );
    const db = await database();
    const key = `user-requests:${worker.id}`;
    expect((await me()).status).toBe(200);
    // The minute's requests used up, then that minute over (as another instance would see it).
    await db.query(`UPDATE rate_limit SET points = $2 WHERE key = $1`, [
      key,
      limits.requestsPerUserPerMinute,
    ]);
    expect((await me()).status).toBe(429);
    await db.query(`UPDATE rate_limit SET expire = 0 WHERE key = $1`, [key]);

    const again = await me();
    expect(again.data?.me.id).toBe(worker.id);
    const [counter] = (await db.query(`SELECT points FROM rate_limit WHERE key = $1`, [key])) as [
      { points: number },
    ];
    expect(counter.points).toBe(1);
  });
});

describe("limits on downloads", () => {
  /** A download as sent from an address, logged in or not. */
  async function download(path: string, ip: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${inject("baseUrl")}${path}`, {
      headers: { "x-forwarded-for": ip, ...headers },
    });
    return {
      status: response.status,
      retryAfter: Number(response.headers.get("retry-after")),
      type: response.headers.get("content-type") ?? "",
      body: await response.text(),
    };
  }

  /** Uses up the minute of a counter, as requests at another instance would. */
  async function useUp(key: string, limit: number) {
    await (
      await database()
    ).query(`UPDATE rate_limit SET points = $2 WHERE key = $1`, [key, limit]);
  }

  it("counts a logged-in download as a request of its user, on every download route", async () => {
    const administrator = await loggedInUser({ roles: [Role.REGIO_BEHEERDER, Role.COORDINATOR] });
    const { caseId } = await openCase(administrator.headers);
    const zorgoverlegId = await scheduleZorgoverleg(administrator.headers, caseId);
    const ip = freshIp();
    const routes = [
      `/export/nazorgkaart.csv`,
      `/zorgoverleg/${zorgoverlegId}/uitnodiging.ics`,
      `/open-referral/hsds.json?organisatie=${administrator.organizationId}`,
    ];
    for (const path of routes) {
      expect((await download(path, ip, administrator.headers)).status, path).toBe(200);
    }
    await useUp(`user-requests:${administrator.id}`, limits.requestsPerUserPerMinute);
    for (const path of routes) {
      const refused = await download(path, ip, administrator.headers);
      expect(refused.status, path).toBe(429);
      expect(refused.retryAfter, path).toBeGreaterThanOrEqual(1);
      expect(refused.body, path).toMatch(
        /Te veel verzoeken achter elkaar\. Probeer het over \d+ seconden opnieuw\./,
      );
    }
    const imported = await fetch(`${inject("baseUrl")}/open-referral/import`, {
      method: "POST",
      headers: { "content-type": "application/json", ...administrator.headers },
      body: "{}",
    });
    expect(imported.status).toBe(429);
    // Anonymous downloads from the same address are counted apart.
    expect((await download(routes[2]!, ip)).status).toBe(200);
  });

  it(`refuses download number ${limits.anonymousDownloadsPerIpPerMinute + 1} within a minute from an anonymous address`, async () => {
    const organizationId = await buildOrganization();
    const hsds = `/open-referral/hsds.json?organisatie=${organizationId}`;
    const ip = freshIp();
    expect((await download(hsds, ip)).status).toBe(200);
    await useUp(
      `anonymous-downloads:${counterKey("ip", ip)}`,
      limits.anonymousDownloadsPerIpPerMinute,
    );

    const refused = await download(hsds, ip);
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused.body)).toEqual({
      error: {
        code: "TOO_MANY_REQUESTS",
        message: expect.stringMatching(
          /^Te veel downloads achter elkaar vanaf dit adres\. Probeer het over \d+ seconden opnieuw, of log in\.$/,
        ),
      },
    });
    // Every download route, in its own format; another address is not affected.
    const csv = await download("/export/aanbod.csv", ip);
    expect(csv.status).toBe(429);
    expect(csv.type).toMatch(/^text\/plain/);
    expect((await download(hsds, freshIp())).status).toBe(200);
    const worker = await loggedInUser();
    expect((await download(hsds, ip, worker.headers)).status).toBe(200);
  });
});

describe("limits shared by every instance", () => {
  it("locks an account once its failed logins, spread over two instances, reach the limit", async () => {
    const other = await startInstance();
    try {
      const user = await buildUser();
      const instances = [inject("baseUrl"), other.baseUrl];
      // Alternately, each from an address of its own: neither instance sees the limit alone.
      for (let attempt = 0; attempt < limits.loginFailuresPerAccount; attempt++) {
        const failed = await logIn(
          user.email,
          "fout-wachtwoord",
          freshIp(),
          instances[attempt % instances.length],
        );
        expect(failed.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      }
      for (const instance of instances) {
        const refused = await logIn(user.email, testPassword, freshIp(), instance);
        expect(refused.status).toBe(429);
        expect(refused.errors?.[0]?.extensions?.code).toBe("TOO_MANY_REQUESTS");
      }
    } finally {
      await other.stop();
    }
  });
});
