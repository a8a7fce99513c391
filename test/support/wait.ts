/**
 * Polls `check` until it answers something truthy. `timeoutMs` only ends a test that would
 * otherwise hang: a loaded machine may take many times longer than a quiet one.
 */
export async function eventually<T>(
  check: () => T | Promise<T>,
  what = "the expected state",
  timeoutMs = 60_000,
): Promise<Exclude<T, false | null | undefined | 0 | "">> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Exclude<T, false | null | undefined | 0 | "">;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
