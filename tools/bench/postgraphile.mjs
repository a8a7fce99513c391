// The benchmark's peer: PostGraphile 5 serving the same database over HTTP on loopback, with
// its generated queries over `public` and the search as PostgreSQL functions in `bench_peer`
// (created by the benchmark). Usage: node tools/bench/postgraphile.mjs <databaseUrl> <port>
import { createServer } from "node:http";
import { setTimeout } from "node:timers";
import { postgraphile } from "postgraphile";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";

const [databaseUrl, port] = process.argv.slice(2);
const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: databaseUrl,
      schemas: ["public", "bench_peer"],
      // PostGraphile's own way to row-level security: each request runs in a transaction with
      // these settings, as the same viewer as our server's (the benchmark's one user).
      pgSettings: () => ({
        role: process.env.BENCH_PEER_ROLE,
        "ketenkaart.organization_id": process.env.BENCH_PEER_ORGANIZATION_ID,
        "ketenkaart.roles": process.env.BENCH_PEER_ROLES,
      }),
    }),
  ],
  grafserv: { graphqlPath: "/graphql", maskError: (error) => error },
  grafast: { explain: false },
});
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server);
server.listen(Number(port), "127.0.0.1", () => console.warn(`postgraphile on ${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    // Keep-alive connections of the load generator would hold close() open: do not wait.
    server.closeAllConnections();
    server.close();
    setTimeout(() => process.exit(0), 2000).unref();
    void pgl.release().then(() => process.exit(0));
  });
}
