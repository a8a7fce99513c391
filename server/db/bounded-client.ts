import pg from "pg";

const readTimeout = /query read timeout/i;

/**
 * A pg connection with a limit on opening it, closed once a statement outlives pg's `query_timeout`. pg answers
 * the caller then, but leaves the statement on the connection, so every later statement on it
 * would queue behind one that may never finish (a network that froze, a database that stopped
 * answering). Closed, the pool drops it and opens a fresh one.
 */
export class BoundedClient extends pg.Client {
  /**
   * pg-pool hands its own `connectionTimeoutMillis` (how long a request waits for a connection
   * of the pool, its turn included) to every client it opens; a connection attempt has a limit of
   * its own, `connectAttemptTimeoutMillis`, so a database that does not answer is noticed in
   * seconds while a busy pool is waited for.
   */
  constructor(config: pg.ClientConfig & { connectAttemptTimeoutMillis?: number }) {
    super({
      ...config,
      connectionTimeoutMillis: config.connectAttemptTimeoutMillis ?? config.connectionTimeoutMillis,
    });
  }

  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, ...rest: unknown[]) => {
        this.closeAfter(error);
        (last as (...values: unknown[]) => void)(error, ...rest);
      };
    }
    const result = (pg.Client.prototype.query as (...values: unknown[]) => unknown).apply(
      this,
      args,
    );
    if (result instanceof Promise) result.catch((error: unknown) => this.closeAfter(error));
    return result as never;
  }

  private closeAfter(error: unknown): void {
    if (!(error instanceof Error) || !readTimeout.test(error.message)) return;
    // Ending first makes the close expected, so pg reports no connection error for it.
    void this.end().catch(() => {});
    (
      this as unknown as { connection: { stream: { destroy(): void } } }
    ).connection.stream.destroy();
  }
}
