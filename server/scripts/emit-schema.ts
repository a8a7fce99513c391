import "reflect-metadata";
import { GraphQLSchema, printSchema } from "graphql";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { repoRoot } from "../paths.js";
import { buildKetenkaartSchema } from "../schema.js";

// Writes schema/schema.graphql from the code; with --check, fails when the committed file differs.
const schemaFile = path.join(repoRoot, "schema", "schema.graphql");
const header = "# Generated from the server code by `npm run schema:emit`. Do not edit.\n\n";
// Types in name order, each with its fields in the order the code gives them: the file then
// does not change when modules are imported in another order.
const built = (await buildKetenkaartSchema()).toConfig();
const sorted = new GraphQLSchema({
  ...built,
  types: [...built.types].sort((a, b) => a.name.localeCompare(b.name, "en")),
});
const sdl = header + printSchema(sorted) + "\n";

if (process.argv.includes("--check")) {
  const committed = await readFile(schemaFile, "utf8").catch(() => "");
  if (committed !== sdl) {
    console.error("schema/schema.graphql is out of date: run `npm run schema:emit` and commit it.");
    process.exit(1);
  }
} else if (process.argv.includes("--print")) {
  process.stdout.write(sdl);
} else {
  await writeFile(schemaFile, sdl);
}
