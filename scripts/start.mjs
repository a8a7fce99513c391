// `npm start`: build what is out of date, then run the server (which starts an embedded
// PostgreSQL unless DATABASE_URL is set, migrates, seeds the demo region and serves the client).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

/** Newest modification time of the files below these paths (0 when none exist). */
function newest(paths) {
  let latest = 0;
  for (const entry of paths.map((p) => path.join(root, p))) {
    if (!existsSync(entry)) continue;
    const stats = statSync(entry);
    if (stats.isDirectory()) {
      for (const child of readdirSync(entry))
        latest = Math.max(latest, newest([path.relative(root, path.join(entry, child))]));
    } else latest = Math.max(latest, stats.mtimeMs);
  }
  return latest;
}

const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
const vite = path.join(root, "node_modules", "vite", "bin", "vite.js");
const serverBuilt = path.join(root, "dist", "server", "main.js");
if (
  !existsSync(serverBuilt) ||
  newest(["server", "migrations", "seeds", "tsconfig.json"]) > statSync(serverBuilt).mtimeMs
) {
  console.warn("Building the server…");
  run(process.execPath, [tsc, "-p", "tsconfig.json"]);
}
const clientBuilt = path.join(root, "dist", "web", "index.html");
if (!existsSync(clientBuilt) || newest(["client"]) > statSync(clientBuilt).mtimeMs) {
  console.warn("Building the web client…");
  run(process.execPath, [vite, "build", "--config", "client/vite.config.ts", "--logLevel", "warn"]);
}

const server = spawn(process.execPath, [serverBuilt], { cwd: root, stdio: "inherit" });
// Ctrl-C reaches the server through the terminal's process group; it stops PostgreSQL itself.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
