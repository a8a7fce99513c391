import { once } from "node:events";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  databaseSwitch,
  startServer,
  type ServerInstance,
} from "../../tools/reliability/instances.js";
import { post } from "../../tools/reliability/http.js";
import { eventually } from "../support/wait.js";
import { buildUser, database, testPassword, uniqueWord } from "../support/factories.js";
import { openCase as openCaseAs } from "../support/nazorg.js";
import { loggedInUser } from "../support/session.js";

const search = `query ($text: String) { offerings(search: { text: $text }, first: 5) { totalCount } }`;
const openCase = `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`;
const login = `mutation ($input: LoginInput!) { login(input: $input) { token } }`;
const transferRegie = `mutation ($input: TransferRegieInput!) { transferRegie(input: $input) { id } }`;
const unavailableMessage =
  /^Ketenkaart kan de database nu niet bereiken\. Probeer het over een minuut opnieuw/;

async function bearer(url: string): Promise<Record<string, string>> {
  const user = await buildUser();
  const result = await post<{ login: { token: string } }>(url, login, {
    input: { email: user.email, password: testPassword },
  });
  return { authorization: `Bearer ${result.data!.login.token}` };
}

type Switch = Awaited<ReturnType<typeof databaseSwitch>>;

/**
 * A server of the describe's own whose database connections pass through a switch the test
 * controls; both are there from `beforeAll` on.
 */
function serverBehindSwitch(env: Record<string, string> = {}) {
  const setup = {} as { server: ServerInstance; link: Switch };
  beforeAll(async () => {
    setup.link = await databaseSwitch(inject("databaseUrl"));
    setup.server = await startServer({ databaseUrl: setup.link.url, env });
  });
  afterAll(async () => {
    await setup.server?.stop();
    await setup.link?.cut();
  });
  return setup;
}

async function clientsNamed(name: string): Promise<number> {
  const [{ n }] = (await (
    await database()
  ).query("SELECT count(*)::int AS n FROM client WHERE display_name = $1", [name])) as [
    { n: number },
  ];
  return n;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe("when the database goes away", () => {
  const behind = serverBehindSwitch();

  it("answers quickly and clearly, writes nothing, and recovers without a restart", async () => {
    const { server, link } = behind;
    const headers = await bearer(server.url);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    await link.cut();

    const healthz = await fetch(`${server.url}/healthz`);
    expect(healthz.status).toBe(200);
    const readyz = await timed(() => fetch(`${server.url}/readyz`));
    expect(readyz.value.status).toBe(503);
    expect(readyz.ms).toBeLessThan(2_500);

    const name = `Onbereikbaar ${uniqueWord()}`;
    const attempts = await Promise.all([
      timed(() => post(server.url, search, { text: "schuld" })),
      timed(() =>
        post(
          server.url,
          openCase,
          { input: { client: { displayName: name, contactPreferences: [] }, role: "Wijkteam" } },
          headers,
        ),
      ),
    ]);
    for (const { value, ms } of attempts) {
      expect(value.code).toBe("SERVICE_UNAVAILABLE");
      expect(value.status).toBe(503);
      expect(value.message).toMatch(/database/);
      expect(ms).toBeLessThan(5_000);
    }

    await link.restore();
    const deadline = Date.now() + 10_000;
    let recovered = await post<{ offerings: { totalCount: number } }>(server.url, search, {
      text: "schuld",
    });
    while (recovered.code && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      recovered = await post(server.url, search, { text: "schuld" });
    }
    expect(recovered.code).toBeUndefined();
    expect(recovered.data!.offerings.totalCount).toBeGreaterThan(0);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    // The case opened while the database was away was not half-written either.
    expect(await clientsNamed(name)).toBe(0);
  });
});

describe("a statement that runs too long", () => {
  // A server of its own with the default statement timeout: the lanes' servers allow a busy
  // machine more (test/global-setup.ts).
  let server: ServerInstance;
  beforeAll(async () => {
    server = await startServer({ databaseUrl: inject("databaseUrl") });
  });
  afterAll(() => server?.stop());

  it("is cut off by the statement timeout and answered SERVICE_UNAVAILABLE in Dutch, not as a failure", async () => {
    const worker = await loggedInUser();
    const { caseId } = await openCaseAs(worker.headers);
    const transfer = (timeoutMs?: number) =>
      post<{ transferRegie: { id: string } }>(
        server.url,
        transferRegie,
        { input: { caseId, toOrganizationId: worker.organizationId, reason: "Te lang gewacht" } },
        worker.headers,
        timeoutMs,
      );

    // Another transaction holds the case, so the regie transfer's statement waits for it: a
    // statement that runs for as long as nobody stops it.
    const runner = (await database()).createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    let answer: Awaited<ReturnType<typeof transfer>>;
    try {
      await runner.query("SELECT 1 FROM care_case WHERE id = $1 FOR UPDATE", [caseId]);
      // A limit for a hung request only, far above the statement timeout.
      answer = await transfer(60_000);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(answer.status).toBe(503);
    expect(answer.code).toBe("SERVICE_UNAVAILABLE");
    expect(answer.message).toMatch(unavailableMessage);
    expect(answer.data?.transferRegie ?? null).toBeNull();

    // Once the case is free the same request goes through: nothing was left half done.
    const again = await transfer();
    expect(again.code).toBeUndefined();
    expect(again.data!.transferRegie.id).toBe(caseId);
  });
});

describe("when the database accepts connections but never answers", () => {
  const behind = serverBehindSwitch();

  it("answers every request with SERVICE_UNAVAILABLE after the connect timeout, is not ready, and recovers", async () => {
    const { server, link } = behind;
    const headers = await bearer(server.url);
    // Open connections drop; new ones are accepted and then left without a word.
    link.silence();

    // Limits for a hung request only, far above the connect timeout: without one, a request
    // would wait for the database for as long as the socket stays open.
    const readyz = await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(30_000) });
    expect(readyz.status).toBe(503);
    expect(await readyz.json()).toEqual({ status: "database unavailable" });

    const name = `Zwijgend ${uniqueWord()}`;
    const attempts = await Promise.all([
      post(server.url, search, { text: "schuld" }, {}, 30_000),
      post(
        server.url,
        openCase,
        { input: { client: { displayName: name, contactPreferences: [] }, role: "Wijkteam" } },
        headers,
        30_000,
      ),
    ]);
    for (const attempt of attempts) {
      expect(attempt.status).toBe(503);
      expect(attempt.code).toBe("SERVICE_UNAVAILABLE");
      expect(attempt.message).toMatch(unavailableMessage);
    }

    await link.restore();
    const recovered = await eventually(async () => {
      const result = await post<{ offerings: { totalCount: number } }>(server.url, search, {
        text: "schuld",
      });
      return result.code === undefined && result;
    }, "an answer from the database again");
    expect(recovered.data!.offerings.totalCount).toBeGreaterThan(0);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect(await clientsNamed(name)).toBe(0);
  });
});

describe("when the database stops answering in the middle of a request", () => {
  // One pooled connection, so the request after the freeze needs the one that froze.
  const behind = serverBehindSwitch({
    DATABASE_POOL_SIZE: "1",
    DATABASE_QUERY_TIMEOUT_MS: "3000",
  });

  it("gives the connection up after the query timeout, answers SERVICE_UNAVAILABLE and recovers on a fresh one", async () => {
    const { server, link } = behind;
    const asked = () =>
      post<{ offerings: { totalCount: number } }>(server.url, search, {}, {}, 60_000);
    expect((await asked()).code).toBeUndefined();
    // The open connection stays open but nothing comes back on it, for good: PostgreSQL's own
    // timeouts cannot help, only the server's.
    link.freeze();
    const frozen = await asked();
    expect(frozen.status).toBe(503);
    expect(frozen.code).toBe("SERVICE_UNAVAILABLE");
    expect(frozen.message).toMatch(unavailableMessage);

    // The next requests get a fresh connection instead of queueing behind the lost one.
    const recovered = await eventually(async () => {
      const result = await asked();
      return result.code === undefined && result;
    }, "an answer on a fresh connection");
    expect(recovered.data!.offerings.totalCount).toBeGreaterThan(0);
  });
});

describe("stopping with SIGTERM", () => {
  it("finishes the request in flight, refuses new ones, closes the pool and exits 0", async () => {
    const server = await startServer({
      databaseUrl: inject("databaseUrl"),
      // Long enough to see the 503 on a busy machine; the stop then waits for the transfer.
      env: { SHUTDOWN_DELAY_MS: "3000" },
    });
    const headers = await bearer(server.url);
    const opened = await post<{ openCase: { id: string } }>(
      server.url,
      openCase,
      { input: { client: { displayName: "S. Term", contactPreferences: [] }, role: "Wijkteam" } },
      headers,
    );
    const caseId = opened.data!.openCase.id;
    const [{ organization_id: organizationId }] = (await (
      await database()
    ).query("SELECT organization_id FROM case_member WHERE case_id = $1", [caseId])) as [
      { organization_id: string },
    ];

    // Hold the case row so the regie transfer waits for us: a request that is slow for real.
    const runner = (await database()).createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query("SELECT 1 FROM care_case WHERE id = $1 FOR UPDATE", [caseId]);
    const inFlight = post<{ transferRegie: { id: string } }>(
      server.url,
      `mutation ($input: TransferRegieInput!) { transferRegie(input: $input) { id } }`,
      { input: { caseId, toOrganizationId: organizationId, reason: "Tijdens het stoppen" } },
      headers,
    );
    // The transfer is in flight once it waits for our lock.
    await eventually(
      async () =>
        (
          (await runner.query(
            "SELECT 1 FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))",
          )) as unknown[]
        ).length > 0,
      "the transfer waiting for the case",
    );
    const exited = server.stop("SIGTERM");
    // First it tells the load balancer it is stopping, while still serving…
    const readyz = await eventually(async () => {
      const response = await fetch(`${server.url}/readyz`);
      return response.status === 503 && response;
    }, "/readyz saying 503");
    // …then it stops accepting.
    await eventually(
      () =>
        fetch(`${server.url}/healthz`).then(
          () => false,
          () => true,
        ),
      "new connections refused",
    );
    await runner.commitTransaction();
    await runner.release();

    const answer = await inFlight;
    expect(answer.code).toBeUndefined();
    expect(answer.data!.transferRegie.id).toBe(caseId);
    expect(readyz.status).toBe(503);
    expect(await exited).toBe(0);
  });
});

describe("behind a load balancer", () => {
  it("keeps an idle connection open past Node's default 5 s, and says for how long", async () => {
    const { hostname, port } = new URL(inject("baseUrl"));
    const socket = connect({ host: hostname, port: Number(port) });
    await once(socket, "connect");
    // The answers on this one connection, each whole (headers and Content-Length bytes).
    const answers: string[] = [];
    let received = "";
    socket.setEncoding("utf8").on("data", (chunk: string) => {
      received += chunk;
      const headersEnd = received.indexOf("\r\n\r\n");
      const length = Number(/content-length: (\d+)/i.exec(received)?.[1] ?? NaN);
      if (headersEnd >= 0 && received.length >= headersEnd + 4 + length) {
        answers.push(received.slice(0, headersEnd + 4 + length));
        received = received.slice(headersEnd + 4 + length);
      }
    });
    const ask = () => socket.write(`GET /healthz HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`);

    ask();
    await expect.poll(() => answers.length).toBe(1);
    expect(answers[0]).toMatch(/^HTTP\/1\.1 200/);
    expect(answers[0]).toMatch(/^Keep-Alive: timeout=65\r$/im);
    // A load balancer reuses an idle connection for up to about a minute; with Node's default
    // this one would be closed after 5 s, and a request sent then would be reset.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    ask();
    await expect.poll(() => answers.length).toBe(2);
    expect(answers[1]).toMatch(/^HTTP\/1\.1 200/);
    socket.destroy();
  });
});
