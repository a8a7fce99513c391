import type { DataSource } from "typeorm";
import type { Loaders } from "./loaders.js";

export interface Context {
  db: DataSource;
  loaders: Loaders;
}
