import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { Config } from "../config.js";
import type { Viewer } from "../security/viewer.js";

/**
 * The request's loaders, one per relation, made per request so nothing is cached across users.
 * Each domain module adds its own here (`declare module` in its `*.loaders.ts`, beside the
 * function that makes them); server/modules.ts puts them together, and does not compile while
 * one is missing.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the modules
export interface Loaders {}

/** What a module's loaders are made from. */
export interface LoaderScope {
  db: DataSource;
  viewer: Viewer | null;
  config: Pick<Config, "nazorgContactGraceDays">;
}

/** The viewer of a read that is logged: client data is only read by a logged-in user. */
export function loggedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new Error("client data is read only by a logged-in user");
  return viewer;
}

/** A loader of at most one value per key. */
export function oneByKey<V>(fetch: (keys: string[]) => Promise<V[]>, keyOf: (value: V) => string) {
  return new DataLoader<string, V | null>(async (keys) => {
    const byKey = new Map((await fetch([...keys])).map((value) => [keyOf(value), value]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A loader of a list per key. */
export function manyByKey<V>(fetch: (keys: string[]) => Promise<V[]>, keyOf: (value: V) => string) {
  return new DataLoader<string, V[]>(async (keys) => {
    const groups = new Map<string, V[]>(keys.map((key) => [key, []]));
    for (const value of await fetch([...keys])) groups.get(keyOf(value))?.push(value);
    return keys.map((key) => groups.get(key) ?? []);
  });
}
