import "reflect-metadata";
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { seedDemoRegionIfEmpty } from "../../seeds/demo-region.js";
import { createDataSource } from "../../server/db/data-source.js";
import { entities } from "../../server/modules.js";
import { ensureApplicationLogin, withLogin } from "../../server/db/application-login.js";
import { applicationRole } from "../../server/db/request-scope.js";
import { sqlLiteral } from "../../server/db/sql-literal.js";
import { startEmbeddedPostgres } from "../../server/db/embedded-postgres.js";
import { repoRoot } from "../../server/paths.js";
import { broadWord, generate, selectiveWord } from "./generate.js";

/**
 * `npm run bench -- [--size 100000] [--generate-only] [--seconds 3]`: generates the synthetic
 * country (once per size, kept in .data/bench-<size>), starts the built server on it and
 * measures each scenario interleaved against the floor: the very SQL statements the server
 * issued for that request (captured by a second, tracing server), replayed through pg from this
 * process; against the same statements behind a bare HTTP server (the HTTP floor); and against
 * PostGraphile (the peer). Loopback only; every phase has a fixed number of requests or a
 * fixed duration.
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
};
const size = Number(option("size", "100000"));
const seconds = Number(option("seconds", "3"));
const rounds = Number(option("rounds", "3"));
const perRound = Number(option("requests", "10"));

// Ctrl-C or a timeout stops the servers and PostgreSQL this run started, then exits.
const cleanups: Array<() => Promise<void>> = [];
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void Promise.allSettled(cleanups.reverse().map((cleanup) => cleanup())).then(() =>
      process.exit(1),
    );
  });
}

interface Scenario {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  auth?: boolean;
  /** The same request to PostGraphile: its generated query, or the search as a function. */
  peer?: { query: string; variables?: Record<string, unknown> };
  /** Statements the server issued for one request, with their parameters. */
  statements?: TracedStatement[];
  /** The same for the first request, before the server remembered a search text's query. */
  firstStatements?: TracedStatement[];
}

const searchFields = `totalCount edges { distanceKm node { id title organization { id name } } }
  facets { field values { value label count } }`;
const search = (text: string | null, extra: Record<string, unknown> = {}) => ({
  query: `query ($search: OfferingSearchInput, $first: Int) { offerings(search: $search, first: $first) { ${searchFields} } }`,
  variables: { search: { ...(text ? { text } : {}), ...extra }, first: 20 },
});

const allScenarios: Scenario[] = [
  { name: "search: selective word", ...search(selectiveWord) },
  { name: "search: broad word (1/3)", ...search(broadWord) },
  {
    name: "search: filters only",
    ...search(null, { modules: ["BUDGETCOACHING"], channels: ["TELEFOON"], phases: ["NAZORG"] }),
  },
  { name: "search: near 6811, 10 km", ...search(null, { near: "6811", maxDistanceKm: 10 }) },
  {
    name: "search: text+near+3 filters",
    ...search("budget", {
      near: "6811",
      maxDistanceKm: 25,
      channels: ["TELEFOON"],
      phases: ["STABILISATIE"],
      deliveredBy: ["BEROEPSKRACHT"],
    }),
  },
  {
    name: "case list (100 cases)",
    auth: true,
    query: `{ myCases { id phase createdAt client { id displayName }
      regieHolder { startedAt organization { id name } user { id name } }
      referrals { id state receiver { id name } } } }`,
  },
  {
    name: "referral inbox",
    auth: true,
    query: `{ referralInbox { id state responseDueAt sentAt sender { id name }
      offering { id title } } }`,
  },
  {
    name: "case page with timeline",
    auth: true,
    query: `query ($id: ID!) { case(id: $id) { id phase client { id displayName }
      team { role organization { id name } } regieHistory { startedAt endedAt reason organization { id name } }
      referrals { id state events { toState at note } } } }`,
  },
];

// `--only search` measures the scenarios whose name contains "search" (while tuning one part).
const scenarios = allScenarios.filter((scenario) => scenario.name.includes(option("only", "")));

async function main(): Promise<void> {
  const started = Date.now();
  const database = await startEmbeddedPostgres({
    dataDir: path.join(repoRoot, ".data", `bench-${size}`),
    port: await freePort(),
    database: "ketenkaart",
  });
  cleanups.push(() => database.stop());
  const log = (message: string) => console.warn(`[bench] ${message}`);
  try {
    const db = createDataSource(database.url, { entities });
    await db.initialize();
    await db.runMigrations({ transaction: "each" });
    await seedDemoRegionIfEmpty(db, true);
    await db.destroy();
    const generateStarted = Date.now();
    await generate(database.url, { offerings: size, cases: 10_000, log });
    log(`data ready in ${((Date.now() - generateStarted) / 1000).toFixed(0)} s`);
    if (args.includes("--generate-only")) return;

    const trace = path.join(os.tmpdir(), `ketenkaart-bench-trace-${process.pid}.jsonl`);
    writeFileSync(trace, "");
    const logins = await productionLogins(database.url);
    const ours = await startServer(logins, {});
    const tracing = await startServer(logins, { KETENKAART_SQL_TRACE: trace });
    try {
      const token = await logIn(ours.url);
      const caseId = await firstCaseId(ours.url, token);
      allScenarios.find((s) => s.name.startsWith("case page"))!.variables = { id: caseId };

      // One request on the tracing server per scenario: its statements are the floor.
      const counts: Record<string, number> = {};
      for (const scenario of scenarios) {
        const first = readFileSync(trace, "utf8").length;
        await request(tracing.url, scenario, token); // warm the tracing server's caches
        const before = readFileSync(trace, "utf8").length;
        await request(tracing.url, scenario, token);
        const lines = readFileSync(trace, "utf8").slice(before).trim().split("\n");
        scenario.statements = lines.map(parseTraceLine);
        scenario.firstStatements = readFileSync(trace, "utf8")
          .slice(first, before)
          .trim()
          .split("\n")
          .map(parseTraceLine);
        counts[scenario.name] = lines.length;
      }
      const kredietbankToken = await logIn(
        ours.url,
        "ingrid.jansen@kredietbank-rijn-en-veluwezoom.example",
      );
      const caseList = allScenarios.find((s) => s.name.startsWith("case list"))!;
      const before = readFileSync(trace, "utf8").length;
      await request(tracing.url, caseList, kredietbankToken);
      const smallPage = readFileSync(trace, "utf8").slice(before).trim().split("\n").length;
      await tracing.stop();

      const pool = new pg.Pool({ connectionString: database.url, max: 8 });
      pool.on("error", () => {}); // connections end when PostgreSQL stops at the end
      const viewer = await viewerOf(pool, "sanne.devries@wijkteam-arnhem-noord.example");
      await definePeerQueries(pool, scenarios, viewer.organizationId);
      // The floor and the peer read as the same viewer as ours, under row-level security.
      const floorPool = new pg.Pool({ connectionString: database.url, max: 8 });
      floorPool.on("error", () => {});
      floorPool.on("connect", (client) => {
        // Queued before any statement the floor sends on this connection.
        void client.query(
          `SELECT set_config('role', '${applicationRole}', false),
                  set_config('ketenkaart.organization_id', $1, false),
                  set_config('ketenkaart.roles', $2, false)`,
          [viewer.organizationId, viewer.roles],
        );
      });
      const peer = await startPeer(database.url, viewer);
      const httpFloor = await startHttpFloor(database.url, viewer, scenarios);
      const results = [];
      for (const scenario of scenarios) {
        const oursRun = () => request(ours.url, scenario, token);
        const floorRun = () => replay(floorPool, scenario.statements!);
        const httpFloorRun = () => request(httpFloor.url, scenario, token);
        const peerRun = scenario.peer
          ? () => request(peer.url, { name: `${scenario.name} (peer)`, ...scenario.peer! }, "")
          : null;
        for (let i = 0; i < 5; i++) await Promise.all([oursRun(), floorRun(), httpFloorRun()]); // warm-up
        if (peerRun) for (let i = 0; i < 5; i++) await peerRun();
        const latency = {
          ours: [] as number[],
          floor: [] as number[],
          httpFloor: [] as number[],
          peer: [] as number[],
        };
        for (let round = 0; round < rounds; round++) {
          for (let i = 0; i < perRound; i++) {
            latency.ours.push(await timed(oursRun));
            latency.floor.push(await timed(floorRun));
            latency.httpFloor.push(await timed(httpFloorRun));
            if (peerRun) latency.peer.push(await timed(peerRun));
          }
        }
        // A search's counts are kept per catalogue version; "cold" is the first time a search
        // is counted (the cache emptied before each request), which the table shows beside it.
        const cold: number[] = [];
        if (scenario.name.startsWith("search")) {
          for (let i = 0; i < 5; i++) {
            await pool.query("DELETE FROM search_count_cache");
            cold.push(await timed(oursRun));
          }
        }
        const oursThroughput = await throughputHttp(ours, scenario, token);
        const floorThroughput = await throughputFloor(floorPool, scenario.statements!);
        const httpFloorThroughput = await throughputHttp(httpFloor, scenario, token);
        const peerThroughput = scenario.peer
          ? await throughputHttp(peer, { name: scenario.name, ...scenario.peer }, "")
          : null;
        const row = {
          scenario: scenario.name,
          oursP50: percentile(latency.ours, 50),
          oursP95: percentile(latency.ours, 95),
          coldP50: cold.length ? percentile(cold, 50) : null,
          floorP50: percentile(latency.floor, 50),
          floorP95: percentile(latency.floor, 95),
          oursRps: oursThroughput.rps,
          oursCpuMs: oursThroughput.cpuMsPerRequest,
          floorRps: floorThroughput,
          httpFloorP50: percentile(latency.httpFloor, 50),
          httpFloorRps: httpFloorThroughput.rps,
          httpFloorCpuMs: httpFloorThroughput.cpuMsPerRequest,
          peerP50: scenario.peer ? percentile(latency.peer, 50) : null,
          peerP95: scenario.peer ? percentile(latency.peer, 95) : null,
          peerRps: peerThroughput?.rps ?? null,
          peerCpuMs: peerThroughput?.cpuMsPerRequest ?? null,
          statements: counts[scenario.name],
        };
        results.push(row);
        log(
          `${scenario.name}: ours p50 ${row.oursP50.toFixed(1)} ms, floor ${row.floorP50.toFixed(1)} ms`,
        );
      }
      await peer.stop();
      await httpFloor.stop();
      await floorPool.end();
      await pool.end();

      const clientJs = initialClientJs();
      const report = {
        size,
        date: new Date().toISOString(),
        machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, load: os.loadavg() },
        method: { warmup: 5, rounds, perRound, throughputSeconds: seconds, concurrency: 8 },
        results,
        caseListStatements: { pageSize100: counts["case list (100 cases)"], pageSize20: smallPage },
        clientInitialJsKbGzip: clientJs,
        durationSeconds: Math.round((Date.now() - started) / 1000),
      };
      const file = path.join(repoRoot, `bench-results-${size}.json`);
      writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
      printTable(report);
      process.stdout.write(`\nwritten to ${path.relative(process.cwd(), file)}\n`);
    } finally {
      await ours.stop();
      await tracing.stop();
    }
  } finally {
    await database.stop();
  }
}

/** A traced statement; binary parameters (the session token's hash) come back as Buffers. */
/** A statement from the trace; `name` when the server sent it as a prepared statement. */
interface TracedStatement {
  query: string;
  name?: string;
  parameters: unknown[];
}

function parseTraceLine(line: string): TracedStatement {
  return JSON.parse(line, (_key, value: unknown) =>
    isSerializedBuffer(value) ? Buffer.from(value.data) : value,
  ) as TracedStatement;
}

function isSerializedBuffer(value: unknown): value is { type: "Buffer"; data: number[] } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { type?: unknown }).type === "Buffer" &&
    Array.isArray((value as { data?: unknown }).data)
  );
}

function requestBody(scenario: Scenario): string {
  return JSON.stringify({ query: scenario.query, variables: scenario.variables ?? {} });
}

async function request(url: string, scenario: Scenario, token: string): Promise<void> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(scenario.auth ? { authorization: `Bearer ${token}` } : {}),
    },
    body: requestBody(scenario),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`${scenario.name}: ${JSON.stringify(body.errors)}`);
}

async function replay(pool: pg.Pool, statements: Scenario["statements"] & object): Promise<void> {
  const client = await pool.connect();
  try {
    for (const s of statements) {
      await client.query(s.name ? { name: s.name, text: s.query } : s.query, s.parameters);
    }
  } finally {
    client.release();
  }
}

async function timed(run: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Requests per second at concurrency 8, and the server process's CPU time per request over the
 * same seconds (user and system, from /proc): what the server itself spends, whatever the
 * latency on a shared machine.
 */
async function throughputHttp(server: RunningServer, scenario: Scenario, token: string) {
  const cpuBefore = server.cpuMs();
  const result = await autocannon({
    url: `${server.url}/graphql`,
    method: "POST",
    connections: 8,
    duration: seconds,
    headers: {
      "content-type": "application/json",
      ...(scenario.auth ? { authorization: `Bearer ${token}` } : {}),
    },
    body: requestBody(scenario),
  });
  // A refused or failed request is fast: counting it would flatter the throughput.
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`${scenario.name}: ${failed} failed requests at c=8`);
  const cpuAfter = server.cpuMs();
  return {
    rps: result.requests.average,
    cpuMsPerRequest:
      cpuBefore === null || cpuAfter === null
        ? null
        : (cpuAfter - cpuBefore) / result.requests.total,
  };
}

async function throughputFloor(pool: pg.Pool, statements: Scenario["statements"] & object) {
  const until = Date.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < until) {
        await replay(pool, statements);
        done++;
      }
    }),
  );
  return done / seconds;
}

async function logIn(url: string, email = "sanne.devries@wijkteam-arnhem-noord.example") {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: "mutation ($input: LoginInput!) { login(input: $input) { token } }",
      variables: { input: { email, password: "ketenkaart-demo" } },
    }),
  });
  const body = (await response.json()) as { data?: { login: { token: string } }; errors?: unknown };
  if (!body.data?.login) throw new Error(`login as ${email}: ${JSON.stringify(body.errors)}`);
  return body.data.login.token;
}

async function firstCaseId(url: string, token: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: "{ myCases { id referrals { id } } }" }),
  });
  const body = (await response.json()) as {
    data: { myCases: Array<{ id: string; referrals: unknown[] }> };
  };
  const withReferrals = body.data.myCases.find((c) => c.referrals.length > 1);
  return (withReferrals ?? body.data.myCases[0]!).id;
}

/** The gzip size of the JavaScript index.html loads up front (entry and modulepreloads). */
function initialClientJs(): number | null {
  const dir = path.join(repoRoot, "dist", "web");
  const index = path.join(dir, "index.html");
  if (!existsSync(index)) return null;
  const html = readFileSync(index, "utf8");
  const scripts = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = scripts.reduce(
    (sum, file) => sum + gzipSync(readFileSync(path.join(dir, file))).length,
    0,
  );
  return Math.round(bytes / 102.4) / 10;
}

interface RunningServer {
  url: string;
  /** CPU time the process has used so far, or null where /proc is not there. */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

/**
 * The servers run as deployed, with NODE_ENV=production (which, among other things, turns off
 * graphql-js's development checks). Production refuses the embedded PostgreSQL's well-known
 * passwords, so they connect with logins of their own with random ones, as README.md asks of a
 * deployment: one a member of the owner, for migrations and jobs, and the application's, a
 * member of the application role only, for requests.
 */
interface ProductionLogins {
  ownerUrl: string;
  applicationUrl: string;
}

async function productionLogins(databaseUrl: string): Promise<ProductionLogins> {
  const owner = { user: "ketenkaart_bench", password: randomBytes(24).toString("base64url") };
  const application = {
    user: "ketenkaart_bench_web",
    password: randomBytes(24).toString("base64url"),
  };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const current = (await client.query("SELECT current_user AS name")).rows[0] as { name: string };
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ketenkaart_bench') THEN
        CREATE ROLE ketenkaart_bench LOGIN;
      END IF; END $$`);
    await client.query(`ALTER ROLE ketenkaart_bench PASSWORD '${owner.password}'`);
    await client.query(`GRANT "${current.name}", ${applicationRole} TO ketenkaart_bench`);
    await ensureApplicationLogin(client, application);
  } finally {
    await client.end();
  }
  return {
    ownerUrl: withLogin(databaseUrl, owner),
    applicationUrl: withLogin(databaseUrl, application),
  };
}

function startServer(
  logins: ProductionLogins,
  env: Record<string, string>,
): Promise<RunningServer> {
  return startProcess([path.join(repoRoot, "dist/server/main.js")], "/healthz", {
    ...env,
    DATABASE_URL: logins.ownerUrl,
    DATABASE_APP_URL: logins.applicationUrl,
    NODE_ENV: "production",
    PUBLIC_URL: "https://ketenkaart.example.nl",
    SHUTDOWN_DELAY_MS: "0",
    LOG_LEVEL: "warn",
    // The benchmark's country is generated into the database beforehand.
    SEED_DEMO_REGION: "false",
    // One benchmark user sends thousands of requests a minute; the per-user limit (a real
    // worker's) would refuse most of them.
    RATE_LIMIT_REQUESTS_PER_USER: "1000000000",
  });
}

/** How the peer and the HTTP floor read: as the benchmark's viewer, like our server. */
const viewerEnv = (viewer: BenchViewer) => ({
  BENCH_PEER_ROLE: applicationRole,
  BENCH_PEER_ORGANIZATION_ID: viewer.organizationId,
  BENCH_PEER_ROLES: viewer.roles,
});

/** PostGraphile 5 as its own process, so it shares no event loop with our server or the bench. */
function startPeer(databaseUrl: string, viewer: BenchViewer): Promise<RunningServer> {
  return startProcess(
    [path.join(repoRoot, "tools/bench/postgraphile.mjs"), databaseUrl],
    "/graphql?query=%7B__typename%7D",
    viewerEnv(viewer),
    true,
  );
}

/**
 * The HTTP floor (scripts/bench-http-floor.mjs) as its own process: the floor's statements
 * behind a bare Node HTTP server, picked by the request body that ours receives.
 */
function startHttpFloor(
  databaseUrl: string,
  viewer: BenchViewer,
  all: Scenario[],
): Promise<RunningServer> {
  const file = path.join(os.tmpdir(), `ketenkaart-bench-http-floor-${process.pid}.json`);
  writeFileSync(
    file,
    JSON.stringify(all.map((s) => ({ body: requestBody(s), statements: s.statements }))),
  );
  cleanups.push(() => Promise.resolve(rmSync(file, { force: true })));
  return startProcess(
    [path.join(repoRoot, "scripts/bench-http-floor.mjs"), databaseUrl, file],
    "/healthz",
    viewerEnv(viewer),
    true,
  );
}

async function startProcess(
  command: string[],
  readyPath: string,
  env: Record<string, string>,
  portAsArgument = false,
): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    portAsArgument ? [...command, String(port)] : command,
    { env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "inherit"] },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null || attempt > 1200) throw new Error(`${command[0]} did not start`);
    try {
      if ((await fetch(`${url}${readyPath}`)).status < 500) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  let stopped = false;
  const server: RunningServer = {
    url,
    cpuMs: () => processCpuMs(child.pid),
    async stop() {
      if (stopped || child.exitCode !== null) return;
      stopped = true;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
  cleanups.push(() => server.stop());
  return server;
}

/** utime + stime of a process in ms (fields 14 and 15 of /proc/<pid>/stat, in 1/100 s). */
function processCpuMs(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name in parentheses may hold spaces; the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** The organisation and roles row-level security sees for a user, as our server sets them. */
interface BenchViewer {
  organizationId: string;
  roles: string;
}

async function viewerOf(pool: pg.Pool, email: string): Promise<BenchViewer> {
  const { rows } = await pool.query(
    `SELECT organization_id AS "organizationId", array_to_string(roles, ',') AS roles
       FROM app_user WHERE email = $1`,
    [email],
  );
  return rows[0] as BenchViewer;
}

/**
 * The peer's side of each scenario. A search becomes a PostgreSQL function running our own
 * search statements (parameters inlined), whose page brings the offerings and organisations
 * along, so both sides do the same database work; the case list is PostGraphile's generated
 * query over the case team of the organisation. Functions live in the schema bench_peer,
 * recreated per run.
 */
/**
 * Where a column is in the page statement's array for `key` (`'offering', json_build_array(
 * po."id", po."title", …)`): the page holds only the columns the query selects.
 */
function columnPosition(statement: string, key: "offering" | "organization") {
  const list = new RegExp(`'${key}', json_build_array\\(([^)]*)\\)`).exec(statement)?.[1];
  if (!list) throw new Error(`the page statement has no array for ${key}`);
  const columns = list.split(",").map((column) => column.trim().replace(/^\w+\."|"$/g, ""));
  return (column: string) => {
    const position = columns.indexOf(column);
    if (position < 0) throw new Error(`the page's ${key} array has no column ${column}`);
    return position;
  };
}

async function definePeerQueries(pool: pg.Pool, all: Scenario[], organizationId: string) {
  await pool.query(`DROP SCHEMA IF EXISTS bench_peer CASCADE; CREATE SCHEMA bench_peer;
    GRANT USAGE ON SCHEMA bench_peer TO ${applicationRole}`);
  for (const [index, scenario] of all.entries()) {
    // The page statement, which also reads the counts (cached after the warm-up request, for
    // the peer as for us: it runs the same statement).
    const main = scenario.statements?.find((s) => s.query.includes("FROM search_count_cache"));
    if (!main) continue;
    const suffix = String.fromCharCode(97 + index); // letters: inflection keeps "_0" apart
    const inlined = (statement: typeof main) =>
      statement.query.replace(/\$(\d+)/g, (_, n: string) =>
        sqlLiteral(statement.parameters[Number(n) - 1]),
      );
    // A function has no memory between calls: it reads a text's words and their typo
    // alternatives every time, which our server did only for the first request (and then
    // remembers per catalogue version). So the statements that preceded the page in that first
    // request run first in the function: the same database work, without the round trip.
    const first = scenario.firstStatements!;
    const firstPage = first.findIndex((s) => s.query === main.query);
    if (firstPage < 0) throw new Error(`${scenario.name}: the first request had no page statement`);
    const before = first.slice(0, firstPage);
    const offering = columnPosition(main.query, "offering");
    const organization = columnPosition(main.query, "organization");
    await pool.query(`
      CREATE FUNCTION bench_peer.search_offerings_${suffix}() RETURNS json LANGUAGE sql STABLE AS $peer$
        ${before.map((statement) => `${inlined(statement)};`).join("\n")}
        SELECT json_build_object('totalCount', s.counts->'total', 'facets', s.counts->'facets', 'nodes', (
                 SELECT json_agg(json_build_object('id', p.e->'offering'->${offering("id")},
                          'title', p.e->'offering'->${offering("title")},
                          'organization', json_build_object(
                            'id', p.e->'organization'->${organization("id")},
                            'name', p.e->'organization'->${organization("name")}))
                          ORDER BY p.ord)
                   FROM json_array_elements(s.page) WITH ORDINALITY AS p(e, ord)))
          FROM (${inlined(main)}) s
      $peer$`);
    scenario.peer = { query: `{ benchPeerSearchOfferings${suffix.toUpperCase()} }` };
  }
  const caseList = all.find((s) => s.name.startsWith("case list"));
  if (!caseList) return;
  caseList.peer = {
    query: `query ($org: UUID!) { allCaseMembers(condition: { organizationId: $org }, first: 500) {
      nodes { careCaseByCaseId { rowId phase createdAt clientByClientId { rowId displayName }
        regieAssignmentsByCaseId { nodes { startedAt endedAt
          caseMemberByCaseIdAndOrganizationId { organizationByOrganizationId { rowId name } }
          appUserByUserId { rowId name } } }
        referralsByCaseId { nodes { rowId state organizationByReceiverOrganizationId { rowId name } } } } } } }`,
    variables: { org: organizationId },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function printTable(report: {
  results: Array<Record<string, string | number | null | undefined>>;
  caseListStatements: Record<string, number | undefined>;
  clientInitialJsKbGzip: number | null;
}): void {
  // A side that was not measured (no peer, no /proc) shows a dash.
  const f = (n: unknown) => (typeof n === "number" ? n.toFixed(1) : n == null ? "–" : String(n));
  process.stdout.write(
    "\n| scenario | ours p50 | ours p95 | cold p50 | floor p50 | floor p95 | p50 ours/floor | peer p50 | peer p95 | p50 ours/peer | ours rps c=8 | floor rps | peer rps | rps ours/floor | ours CPU/req | peer CPU/req | HTTP floor p50 | p50 ours/HTTP floor | HTTP floor rps | HTTP floor CPU/req | SQL statements |",
  );
  process.stdout.write(
    "\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
  );
  for (const r of report.results) {
    const ratio = (r.oursP50 as number) / (r.floorP50 as number);
    const rps = (r.oursRps as number) / (r.floorRps as number);
    process.stdout.write(
      `| ${r.scenario} | ${f(r.oursP50)} | ${f(r.oursP95)} | ${f(r.coldP50)} | ${f(r.floorP50)} | ${f(r.floorP95)} | ${ratio.toFixed(2)} | ${r.peerP50 === null ? "– | – | –" : `${f(r.peerP50)} | ${f(r.peerP95)} | ${((r.oursP50 as number) / (r.peerP50 as number)).toFixed(2)}`} | ${f(r.oursRps)} | ${f(r.floorRps)} | ${f(r.peerRps)} | ${rps.toFixed(2)} | ${f(r.oursCpuMs)} | ${f(r.peerCpuMs)} | ${f(r.httpFloorP50)} | ${((r.oursP50 as number) / (r.httpFloorP50 as number)).toFixed(2)} | ${f(r.httpFloorRps)} | ${f(r.httpFloorCpuMs)} | ${r.statements} |\n`,
    );
  }
  process.stdout.write(
    `\nCase list statements: page of 100 → ${report.caseListStatements.pageSize100}, page of 20 → ${report.caseListStatements.pageSize20}\n`,
  );
  process.stdout.write(
    `Initial client JavaScript: ${report.clientInitialJsKbGzip ?? "not built"} KB gzip\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
