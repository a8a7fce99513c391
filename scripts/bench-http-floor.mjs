// The benchmark's HTTP floor: the least an HTTP API can do for a request. It reads the request,
// replays the SQL statements our server issued for it (as the floor does, on one pooled
// connection) and answers with their rows as JSON: no GraphQL, no framework, no authorization.
// Ours against it is what the GraphQL layer costs beyond the HTTP hop, which the floor (pg
// from the benchmark's own process) does not pay.
// Usage: node scripts/bench-http-floor.mjs <databaseUrl> <scenariosFile> <port>, where the
// file holds [{ body, statements: [{ query, name?, parameters }] }]: the request body picks
// the statements.
import { Buffer } from "node:buffer";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import pg from "pg";

const [databaseUrl, scenariosFile, port] = process.argv.slice(2);
const scenarios = new Map(
  JSON.parse(readFileSync(scenariosFile, "utf8"), (_key, value) =>
    value?.type === "Buffer" && Array.isArray(value.data) ? Buffer.from(value.data) : value,
  ).map(({ body, statements }) => [body, statements]),
);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 8 });
pool.on("error", () => {}); // connections end when PostgreSQL stops at the end
pool.on("connect", (client) => {
  // The same viewer as our server's and the floor's, under row-level security.
  void client.query(
    `SELECT set_config('role', $1, false), set_config('ketenkaart.organization_id', $2, false),
            set_config('ketenkaart.roles', $3, false)`,
    [
      process.env.BENCH_PEER_ROLE,
      process.env.BENCH_PEER_ORGANIZATION_ID,
      process.env.BENCH_PEER_ROLES,
    ],
  );
});

async function answer(body) {
  const statements = scenarios.get(body);
  if (!statements) return null;
  JSON.parse(body); // as any server reads its request
  const client = await pool.connect();
  try {
    const results = [];
    for (const s of statements) {
      const { rows } = await client.query(
        s.name ? { name: s.name, text: s.query } : s.query,
        s.parameters,
      );
      results.push(rows);
    }
    return JSON.stringify({ data: results });
  } finally {
    client.release();
  }
}

const server = createServer((request, response) => {
  if (request.method === "GET") {
    response.writeHead(200).end("ok");
    return;
  }
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    answer(Buffer.concat(chunks).toString("utf8")).then(
      (json) => {
        response.writeHead(json ? 200 : 404, { "content-type": "application/json" });
        response.end(json ?? "{}");
      },
      () => response.writeHead(500).end(),
    );
  });
});
server.listen(Number(port), "127.0.0.1");
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.closeAllConnections();
    server.close();
    void pool.end().then(() => process.exit(0));
  });
}
