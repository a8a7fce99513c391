import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** The hand-written source files below `dir` (generated GraphQL types left out). */
function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    if (statSync(path.join(root, relative)).isDirectory()) {
      return name === "node_modules" || relative === path.join("client", "src", "gql")
        ? []
        : sourceFiles(relative);
    }
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [relative] : [];
  });
}

const importPattern =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/g;

/** The files of this tree that `file` imports (statically, dynamically or for types only). */
function importsOf(file: string, files: Set<string>): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  return [...text.matchAll(importPattern)].flatMap((match) => {
    const target = path.join(path.dirname(file), match[1] ?? match[2]!);
    const candidates = [
      target.replace(/\.js$/, ".ts"),
      target.replace(/\.js$/, ".tsx"),
      `${target}.ts`,
      `${target}.tsx`,
      path.join(target, "index.ts"),
    ];
    return candidates.filter((candidate) => files.has(candidate)).slice(0, 1);
  });
}

/** The groups of nodes that reach each other (Tarjan), larger than one node. */
function loops(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

const files = new Set(
  ["server", "client/src", "migrations", "seeds", "tools"].flatMap((dir) => sourceFiles(dir)),
);
const graph = new Map([...files].map((file) => [file, new Set(importsOf(file, files))]));

// The layers every domain module stands on; what they need of the modules is handed to them.
const sharedLayers = [
  "server/db/",
  "server/common/",
  "server/security/",
  "server/request/",
  "server/config.ts",
  "server/logger.ts",
  "server/paths.ts",
];
const isShared = (file: string) =>
  sharedLayers.some((layer) => file.startsWith(layer)) || file.startsWith("migrations/");

/**
 * The server's folders as one graph: a folder imports another when any of its files does. The
 * files beside app.ts (the composition root) count each on their own.
 */
function serverFolderGraph(): Map<string, Set<string>> {
  const folderOf = (file: string) => file.split("/").slice(0, 2).join("/");
  const folders = new Map<string, Set<string>>();
  for (const [file, imports] of graph) {
    if (!file.startsWith("server/")) continue;
    const from = folderOf(file);
    const targets = folders.get(from) ?? new Set<string>();
    for (const target of imports) {
      if (target.startsWith("server/") && folderOf(target) !== from) targets.add(folderOf(target));
    }
    folders.set(from, targets);
  }
  return folders;
}

describe("the import structure", () => {
  it("has no file that imports, through others, a file that imports it", () => {
    expect(graph.get("server/app.ts")?.size).toBeGreaterThan(10);
    expect(loops(graph)).toEqual([]);
  });

  it("has no server folder that imports, through others, a folder that imports it", () => {
    const folders = serverFolderGraph();
    expect(folders.get("server/referral")?.size).toBeGreaterThan(3);
    expect(loops(folders)).toEqual([]);
  });

  it("keeps the shared layers (database, common, security, configuration) free of domain modules", () => {
    const intoDomain = [...graph]
      .filter(([file]) => sharedLayers.some((layer) => file.startsWith(layer)))
      .flatMap(([file, imports]) =>
        [...imports].filter((target) => !isShared(target)).map((target) => `${file} -> ${target}`),
      );
    expect(graph.get("server/db/data-source.ts")?.size).toBeGreaterThan(0);
    expect(intoDomain).toEqual([]);
  });

  it("keeps the product's server free of the tools", () => {
    const intoTools = [...graph]
      .filter(([file]) => file.startsWith("server/"))
      .flatMap(([, imports]) => [...imports].filter((target) => target.startsWith("tools/")));
    expect(intoTools).toEqual([]);
  });
});
