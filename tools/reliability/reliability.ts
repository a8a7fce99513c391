// `npm run reliability`: the long concurrency and availability runs, on a fresh
// embedded PostgreSQL with the demo region and the built server, on loopback only. Every phase
// is bounded in time and the run stops by itself; figures are printed and written to
// reliability-report.json.
//
//   node dist/tools/reliability/reliability.js [--phases races,load,fault,rolling,fuzz]
//     [--races-parallel 50] [--races-rounds 100] [--load-seconds 600] [--rate 40]
//     [--fault-seconds 60] [--rolling-seconds 60] [--fuzz-count 50000]
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DataSource } from "typeorm";
import { startEmbeddedPostgres } from "../../server/db/embedded-postgres.js";
import { connectHeapProbe } from "./heap.js";
import { logIn } from "./http.js";
import { freePort, roundRobinProxy, startServer, type ServerInstance } from "./instances.js";
import { demo, figures, runLoad, type Sample, Workload } from "./load.js";
import { raceRound, type RaceRound, referralInvariants } from "./races.js";

const { values: flags } = parseArgs({
  options: {
    phases: { type: "string", default: "races,load,fault,rolling,fuzz" },
    "races-parallel": { type: "string", default: "50" },
    "races-rounds": { type: "string", default: "100" },
    "load-seconds": { type: "string", default: "600" },
    // Assumed regional peak: ~300 professionals and the public sociale kaart, 20 requests a
    // second at the busiest; the load runs at twice that.
    rate: { type: "string", default: "40" },
    "fault-seconds": { type: "string", default: "60" },
    "rolling-seconds": { type: "string", default: "60" },
    "fuzz-count": { type: "string", default: "50000" },
    report: { type: "string", default: "reliability-report.json" },
  },
});
const rate = Number(flags.rate);
// Every instance this run starts says "not ready" for 5 s after SIGTERM before it stops
// accepting (the production default): the proxy notices within 200 ms, and the requests it had
// already sent, queued on a busy machine, are read and answered.
process.env.SHUTDOWN_DELAY_MS = "5000";
// The load phase sends a region's traffic as a handful of demo users; the per-user limit would
// turn most of it into 429s. The limits have their own tests (test/security/rate-limits.test.ts).
process.env.RATE_LIMIT_REQUESTS_PER_USER ??= "1000000";

interface Run {
  baseUrl: string;
  server: ServerInstance;
  /** The first instance runs with the inspector on this loopback port, for the heap probe. */
  inspectPort: number;
  db: DataSource;
  databaseUrl: string;
  pause(): Promise<void>;
  resume(): Promise<void>;
}

type Phase = (run: Run) => Promise<Record<string, unknown>>;

/** The phases, in the order they run; another module (a fuzzer) can add its own here. */
export const phases: Record<string, Phase> = {
  races: racesPhase,
  load: loadPhase,
  fault: faultPhase,
  rolling: rollingPhase,
  fuzz: fuzzPhase,
};

/**
 * The long fuzz run: the fuzz test of `npm test` with a larger count, on a database and server
 * of its own (it compares checksums of the other organisations' data, so it must be alone).
 */
async function fuzzPhase() {
  const count = flags["fuzz-count"];
  const fuzz = spawnSync("npx", ["vitest", "run", "test/security/fuzz.test.ts"], {
    encoding: "utf8",
    env: { ...process.env, FUZZ_COUNT: count },
  });
  const summary =
    /fuzz: (\d+) operations in ([\d.]+) s, statuses (\{[^}]*\}), 5xx (\d+), internal errors (\d+), leaks (\d+)/.exec(
      `${fuzz.stdout}${fuzz.stderr}`,
    );
  if (!summary) throw new Error(`the fuzz run printed no summary (exit ${fuzz.status})`);
  return {
    tried: Number(summary[1]),
    seconds: Number(summary[2]),
    statuses: JSON.parse(summary[3]!) as Record<string, number>,
    serverErrors: Number(summary[4]),
    internalErrors: Number(summary[5]),
    leaks: Number(summary[6]),
    passed: fuzz.status === 0,
  };
}

async function racesPhase(run: Run) {
  const parallel = Number(flags["races-parallel"]);
  const rounds = Number(flags["races-rounds"]);
  const [owner, partner] = await Promise.all(
    [demo.worker, demo.partner].map(async (email) => {
      const [{ organization_id: organizationId }] = (await run.db.query(
        "SELECT organization_id FROM app_user WHERE email = $1",
        [email],
      )) as [{ organization_id: string }];
      return { headers: await logIn(run.baseUrl, email, demo.password), organizationId };
    }),
  );
  const [{ id: partnerOfferingId }] = (await run.db.query(
    "SELECT id FROM offering WHERE organization_id = $1 AND status = 'ACTIVE' ORDER BY id LIMIT 1",
    [partner!.organizationId],
  )) as [{ id: string }];
  const results: RaceRound[] = [];
  for (let round = 0; round < rounds; round++) {
    results.push(
      ...(await raceRound(
        run.baseUrl,
        run.db,
        { owner: owner!, partner: partner!, partnerOfferingId },
        parallel,
      )),
    );
    if ((round + 1) % 10 === 0) progress(`races: ${round + 1}/${rounds} rounds`);
  }
  const byRace = Object.fromEntries(
    ["acceptReferral", "transferRegie", "markAgreementDone"].map((race) => {
      const mine = results.filter((result) => result.race === race);
      return [
        race,
        {
          rounds: mine.length,
          roundsWithExactlyOneWinner: mine.filter((result) => result.winners === 1).length,
          conflicts: mine.reduce((sum, result) => sum + result.conflicts, 0),
          otherErrors: mine.flatMap((result) => result.otherCodes),
          invariantViolations: mine.flatMap((result) => result.violations),
        },
      ];
    }),
  );
  return { parallel, rounds, byRace };
}

async function loadPhase(run: Run) {
  const workload = new Workload(run.baseUrl);
  await workload.prepare(run.db);
  const seconds = Number(flags["load-seconds"]);
  const rss: number[] = [];
  const heap: Array<{ minute: number; mb: number }> = [];
  // Closed at the end of the phase: an instance with a debugger attached waits for it to go
  // before it exits, which would stall the rolling restart.
  const probe = await connectHeapProbe(run.inspectPort);
  const started = performance.now();
  let sampling = Promise.resolve();
  const sample = () => {
    rss.push(rssMb(run.server));
    sampling = sampling.then(async () => {
      const mb = await probe.liveHeapMb();
      heap.push({ minute: (performance.now() - started) / 60_000, mb });
    });
  };
  sample();
  const sampler = setInterval(sample, 20_000);
  const samples = await runLoad(workload, { rate, seconds });
  clearInterval(sampler);
  sample();
  await sampling;
  probe.close();
  // "Not growing": the live heap after a full collection, the last third of the run against the
  // middle third (the first warms up: caches, JIT, pool), and the trend over the second half.
  const third = Math.max(1, Math.floor(heap.length / 3));
  const middle = average(heap.slice(third, 2 * third).map((point) => point.mb));
  const last = average(heap.slice(-third).map((point) => point.mb));
  return {
    seconds,
    ratePerSecond: rate,
    ...figures(samples),
    liveHeapMb: {
      start: heap[0]?.mb,
      end: heap.at(-1)?.mb,
      max: Math.max(...heap.map((point) => point.mb)),
      middle,
      last,
    },
    liveHeapGrowthPercent: middle ? Math.round((1000 * (last - middle)) / middle) / 10 : 0,
    liveHeapSlopeMbPerMinute: slope(heap.slice(Math.floor(heap.length / 2))),
    liveHeapSamples: heap.map((point) => point.mb),
    rssMb: { start: rss[0], end: rss.at(-1), max: Math.max(...rss) },
  };
}

/** Least-squares slope in MB per minute. */
function slope(points: Array<{ minute: number; mb: number }>): number {
  const n = points.length;
  if (n < 2) return 0;
  const meanX = points.reduce((sum, point) => sum + point.minute, 0) / n;
  const meanY = points.reduce((sum, point) => sum + point.mb, 0) / n;
  const covariance = points.reduce((sum, p) => sum + (p.minute - meanX) * (p.mb - meanY), 0);
  const variance = points.reduce((sum, p) => sum + (p.minute - meanX) ** 2, 0);
  return Math.round((1000 * covariance) / variance) / 1000;
}

async function faultPhase(run: Run) {
  const workload = new Workload(run.baseUrl, 10);
  await workload.prepare(run.db);
  const seconds = Number(flags["fault-seconds"]);
  const before = 10;
  const after = 20;
  const started = performance.now();
  const load = runLoad(workload, { rate, seconds: before + seconds + after, startedAt: started });
  await sleep(before * 1000);
  progress(`fault: stopping PostgreSQL for ${seconds} s`);
  const stoppedAt = performance.now() - started;
  await run.pause();
  await sleep(seconds * 1000);
  await run.resume();
  const resumedAt = performance.now() - started;
  progress("fault: PostgreSQL is back");
  const samples = await load;

  const during = samples.filter((sample) => sample.at >= stoppedAt && sample.at < resumedAt);
  // Recovery: from PostgreSQL accepting connections again to the first answered request of a
  // kind that needs the database (every kind here does).
  const firstSuccess = samples
    .filter((sample) => sample.at >= resumedAt && !sample.code)
    .sort((a, b) => a.at + a.ms - (b.at + b.ms))[0];
  const failedAfter = samples.filter(
    (sample) => firstSuccess && sample.at > firstSuccess.at && sample.code,
  );
  const violations: string[] = [];
  for (const id of workload.referralIds()) {
    const [{ state }] = (await run.db.query("SELECT state FROM referral WHERE id = $1", [id])) as [
      { state: string },
    ];
    violations.push(...(await referralInvariants(run.db, id, state)));
  }
  const cases = (await run.db.query(
    `SELECT case_id FROM regie_assignment GROUP BY case_id
      HAVING count(*) FILTER (WHERE ended_at IS NULL) <> 1`,
  )) as unknown[];
  if (cases.length) violations.push(`${cases.length} cases without exactly one regie holder`);
  return {
    databaseDownSeconds: seconds,
    requestsWhileDown: during.length,
    serviceUnavailable: during.filter((sample) => sample.code === "SERVICE_UNAVAILABLE").length,
    otherErrorsWhileDown: countBy(
      during.filter((sample) => sample.code && sample.code !== "SERVICE_UNAVAILABLE"),
    ),
    maxRequestMsWhileDown: Math.round(Math.max(0, ...during.map((sample) => sample.ms))),
    requestsOver5s: samples.filter((sample) => sample.ms > 5000).length,
    recoverySeconds: firstSuccess
      ? Number(((firstSuccess.at + firstSuccess.ms - resumedAt) / 1000).toFixed(2))
      : null,
    errorsAfterRecovery: failedAfter.length,
    partialWrites: violations,
    overall: figures(samples),
  };
}

async function rollingPhase(run: Run) {
  const seconds = Number(flags["rolling-seconds"]);
  const second = await startServer({ databaseUrl: run.databaseUrl });
  const instances = [run.server, second];
  const proxy = await roundRobinProxy(() => instances.map((instance) => instance.port));
  const workload = new Workload(proxy.url, 10);
  await workload.prepare(run.db);
  const restarts: Array<{ instance: number; exitCode: number | null; downSeconds: number }> = [];
  const load = runLoad(workload, { rate, seconds });
  // Restart each instance in turn, spread over the run.
  for (const index of [0, 1]) {
    await sleep((seconds * 1000) / 3);
    const stoppedAt = performance.now();
    const exitCode = await instances[index]!.stop("SIGTERM");
    instances[index] = await startServer({
      databaseUrl: run.databaseUrl,
      port: instances[index]!.port,
    });
    restarts.push({
      instance: index + 1,
      exitCode,
      downSeconds: Number(((performance.now() - stoppedAt) / 1000).toFixed(1)),
    });
    progress(`rolling: instance ${index + 1} restarted`);
  }
  const samples = await load;
  await proxy.close();
  await instances[1]!.stop();
  run.server = instances[0]!;
  const lost = samples.filter((sample) => sample.code === "NETWORK" || sample.status === 502);
  return {
    seconds,
    ratePerSecond: rate,
    restarts,
    lostRequests: lost.length,
    ...figures(samples),
  };
}

async function main() {
  const selected = flags.phases.split(",").map((name) => name.trim());
  for (const name of selected) {
    if (!phases[name]) throw new Error(`unknown phase ${name}; known: ${Object.keys(phases)}`);
  }
  const database = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `ketenkaart-reliability-${process.pid}`),
    port: await freePort(),
    database: "ketenkaart",
    persistent: false,
  });
  const db = new DataSource({ type: "postgres", url: database.url, entities: [] });
  const report: Record<string, unknown> = {
    startedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverageAtStart: os.loadavg().map((value) => Number(value.toFixed(2))),
    },
    flags,
  };
  let server: ServerInstance | undefined;
  try {
    const inspectPort = await freePort();
    server = await startServer({
      databaseUrl: database.url,
      nodeArgs: [`--inspect=127.0.0.1:${inspectPort}`],
    });
    await db.initialize();
    // The fault phase stops PostgreSQL under this process's own idle connections: the pool
    // drops them and opens new ones, rather than crashing on their error event.
    (
      db.driver as unknown as { master: { on(event: "error", listener: () => void): void } }
    ).master.on("error", () => undefined);
    const run: Run = {
      baseUrl: server.url,
      server,
      inspectPort,
      db,
      databaseUrl: database.url,
      pause: database.pause,
      resume: database.resume,
    };
    for (const name of selected) {
      progress(`phase ${name}…`);
      const started = performance.now();
      report[name] = {
        ...(await phases[name]!(run)),
        phaseSeconds: Math.round((performance.now() - started) / 1000),
      };
      server = run.server;
      run.baseUrl = server.url;
      // Written after every phase, so figures survive a later phase that fails.
      writeFileSync(flags.report, `${JSON.stringify(report, null, 2)}\n`);
    }
  } finally {
    await server?.stop().catch(() => undefined);
    if (db.isInitialized) await db.destroy().catch(() => undefined);
    await database.stop();
  }
  report.finishedAt = new Date().toISOString();
  writeFileSync(flags.report, `${JSON.stringify(report, null, 2)}\n`);
  printFigures(report);
}

function printFigures(report: Record<string, unknown>) {
  const rows: Array<[string, unknown]> = [];
  const races = report.races as
    | { parallel: number; rounds: number; byRace: Record<string, Record<string, unknown>> }
    | undefined;
  if (races) {
    for (const [race, result] of Object.entries(races.byRace)) {
      rows.push([
        `race ${race} (${races.parallel} × ${races.rounds})`,
        `${result.roundsWithExactlyOneWinner}/${result.rounds} rounds one winner, ` +
          `${(result.invariantViolations as string[]).length} violations, ` +
          `${(result.otherErrors as string[]).length} other errors`,
      ]);
    }
  }
  const load = report.load as Record<string, unknown> | undefined;
  if (load) {
    rows.push([`load ${load.seconds} s at ${load.ratePerSecond}/s`, `${load.requests} requests`]);
    rows.push(["load error rate", `${(load.errorRatePercent as number).toFixed(3)} %`]);
    rows.push(["load p50 / p95 / p99", `${load.p50} / ${load.p95} / ${load.p99} ms`]);
    const rss = load.rssMb as Record<string, number>;
    rows.push(["server RSS start / end / max", `${rss.start} / ${rss.end} / ${rss.max} MB`]);
    const heap = load.liveHeapMb as Record<string, number>;
    rows.push([
      "live heap after GC: middle / last third",
      `${heap.middle} / ${heap.last} MB (${load.liveHeapGrowthPercent} %), ` +
        `trend ${load.liveHeapSlopeMbPerMinute} MB/min over the second half`,
    ]);
  }
  const fault = report.fault as Record<string, unknown> | undefined;
  if (fault) {
    rows.push([
      `fault: PostgreSQL down ${fault.databaseDownSeconds} s`,
      `${fault.serviceUnavailable}/${fault.requestsWhileDown} SERVICE_UNAVAILABLE`,
    ]);
    rows.push(["fault: longest request while down", `${fault.maxRequestMsWhileDown} ms`]);
    rows.push(["fault: recovery after restart", `${fault.recoverySeconds} s`]);
    rows.push(["fault: partial writes", (fault.partialWrites as string[]).length]);
  }
  const rolling = report.rolling as Record<string, unknown> | undefined;
  if (rolling) {
    rows.push([
      `rolling restart (2 instances, ${rolling.seconds} s)`,
      `${rolling.lostRequests} lost of ${rolling.requests}, p95 ${rolling.p95} ms`,
    ]);
  }
  const fuzz = report.fuzz as Record<string, unknown> | undefined;
  if (fuzz) {
    rows.push([
      `fuzz: ${fuzz.tried} operations in ${fuzz.seconds} s`,
      `${fuzz.serverErrors} 5xx, ${fuzz.internalErrors} internal errors, ${fuzz.leaks} leaks` +
        (fuzz.passed ? "" : " — FAILED, see the test output"),
    ]);
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  console.warn("\nReliability figures");
  for (const [name, value] of rows) console.warn(`  ${name.padEnd(width)}  ${String(value)}`);
  console.warn(`\nFull report: ${flags.report}`);
}

function rssMb(server: ServerInstance): number {
  try {
    const status = readFileSync(`/proc/${server.process.pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

const average = (values: number[]) =>
  values.length ? Math.round((10 * values.reduce((a, b) => a + b, 0)) / values.length) / 10 : 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const progress = (message: string) =>
  console.warn(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const countBy = (samples: Sample[]) =>
  samples.reduce<Record<string, number>>((counts, sample) => {
    counts[sample.code!] = (counts[sample.code!] ?? 0) + 1;
    return counts;
  }, {});

await main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
