// Server instances, a switch that cuts the database connection, and a round-robin proxy: the
// moving parts of the availability checks. Loopback only.
import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { existsSync } from "node:fs";
import { developmentApplicationLogin, withLogin } from "../../server/db/application-login.js";

// From the source (tests) or from dist/ (the script): the folder with package.json.
function repositoryRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return dir;
}

export interface ServerInstance {
  url: string;
  port: number;
  process: ChildProcess;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * The built server (dist/server/main.js) on this database, ready when /readyz says so.
 * `databaseUrl` reaches it as the owner of the tables; requests run as
 * `applicationDatabaseUrl`, by default the development login on the same server (which the
 * embedded PostgreSQL and the tests' servers have).
 */
export async function startServer(options: {
  databaseUrl: string;
  applicationDatabaseUrl?: string;
  port?: number;
  env?: Record<string, string>;
  /** Node options before the script, e.g. `--inspect=127.0.0.1:9229` for the heap probe. */
  nodeArgs?: string[];
  /** Gets the instance's stdout and stderr instead of the terminal (to check what it logs). */
  onOutput?: (text: string, stream: "stdout" | "stderr") => void;
}): Promise<ServerInstance> {
  const port = options.port ?? (await freePort());
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), path.join(repositoryRoot(), "dist", "server", "main.js")],
    {
      env: {
        ...process.env,
        DATABASE_URL: options.databaseUrl,
        DATABASE_APP_URL:
          options.applicationDatabaseUrl ??
          withLogin(options.databaseUrl, developmentApplicationLogin),
        PORT: String(port),
        // Where its users open it: links and single sign-on's return address lead back here, and
        // passkeys belong to its host, which must be a name (WebAuthn refuses an IP address).
        PUBLIC_URL: `http://localhost:${port}`,
        LOG_LEVEL: "error",
        SEED_DEMO_REGION: "true",
        ...options.env,
      },
      stdio: [
        "ignore",
        options.onOutput ? "pipe" : "inherit",
        options.onOutput ? "pipe" : "inherit",
      ],
    },
  );
  for (const [name, stream] of [
    ["stdout", child.stdout],
    ["stderr", child.stderr],
  ] as const) {
    stream?.on("data", (chunk: Buffer) => options.onOutput?.(chunk.toString(), name));
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("server did not become ready within 90 s");
    }
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    port,
    process: child,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * A TCP relay to the database that can be cut: open connections are dropped and new ones
 * refused, as when PostgreSQL is stopped, without stopping the PostgreSQL that other tests use.
 * Or silenced: open connections are dropped and new ones accepted but never answered, as a
 * database host that hangs (or a firewall that swallows packets) rather than refuses.
 */
export async function databaseSwitch(databaseUrl: string) {
  const target = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  const port = await freePort();
  let server: net.Server | undefined;
  let silent = false;
  const frozen = new WeakSet<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        track(client);
        // Held open, never read from nor written to.
        if (silent) return;
        const upstream = net.connect(Number(target.port), target.hostname);
        track(upstream);
        // Relayed byte for byte until the link freezes; from then on lost, as on a dead network.
        client.on("data", (chunk: Buffer) => frozen.has(client) || upstream.write(chunk));
        upstream.on("data", (chunk: Buffer) => frozen.has(client) || client.write(chunk));
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      server.listen(port, "127.0.0.1", resolve);
    });
  await listen();
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    async cut() {
      await new Promise<void>((resolve) => {
        server!.close(() => resolve());
        dropAll();
      });
    },
    silence() {
      silent = true;
      dropAll();
    },
    /**
     * The connections open now stay open but nothing more passes on them, as when their route
     * died without a word; new connections are relayed.
     */
    freeze() {
      for (const socket of sockets) frozen.add(socket);
    },
    async restore() {
      if (server?.listening) {
        // From silence: the connections that were never answered go, new ones are relayed.
        silent = false;
        dropAll();
        return;
      }
      await listen();
    },
  };
}

/**
 * A round-robin HTTP proxy in front of several instances, as a load balancer would stand: a
 * request whose connection an instance refuses (it is stopping or not started) goes to the next;
 * a request an instance accepted is never sent twice.
 */
export async function roundRobinProxy(backends: () => number[]) {
  const agent = new http.Agent({ keepAlive: false });
  let next = 0;
  // Health checks every 200 ms, as a load balancer's: only instances whose /readyz answers 200
  // get new requests (a stopping instance says 503 for a while before it stops accepting).
  const ready = new Set<number>();
  const checker = setInterval(() => {
    for (const port of backends()) {
      // A check that is merely slow (a busy instance) keeps the last verdict; a 503 or a refused
      // connection takes the instance out at once.
      void fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(3000) }).then(
        (answer) => (answer.ok ? ready.add(port) : ready.delete(port)),
        (error: Error) => {
          if (error.name !== "TimeoutError") ready.delete(port);
        },
      );
    }
  }, 200);
  const server = http.createServer((request, response) => {
    const body: Buffer[] = [];
    request.on("data", (chunk: Buffer) => body.push(chunk));
    request.on("end", () => {
      const healthy = backends().filter((port) => ready.has(port));
      const ports = healthy.length ? healthy : backends();
      const attempt = (tries: number) => {
        const port = ports[next++ % ports.length]!;
        const upstream = http.request(
          {
            host: "127.0.0.1",
            port,
            method: request.method,
            path: request.url,
            headers: request.headers,
            agent,
          },
          (answer) => {
            response.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(response);
          },
        );
        upstream.on("error", (error: NodeJS.ErrnoException) => {
          if (error.code === "ECONNREFUSED" && tries < ports.length * 3) {
            setTimeout(() => attempt(tries + 1), 20);
          } else if (!response.headersSent) {
            response.writeHead(502, { "content-type": "text/plain" }).end(String(error.code));
          } else response.destroy();
        });
        upstream.end(Buffer.concat(body));
      };
      attempt(1);
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      clearInterval(checker);
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
