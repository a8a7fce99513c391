import { isDeepStrictEqual } from "node:util";

/**
 * Compares two views of data that other test files write to meanwhile (the demo region, the
 * whole directory): reads `read` before and after `look`, and tries again until nothing changed
 * in between, so `look` saw the same data as `read`.
 */
export async function whileUnchanged<R, L>(
  read: () => Promise<R>,
  look: () => Promise<L>,
  attempts = 20,
): Promise<{ read: R; look: L }> {
  for (let attempt = 1; ; attempt++) {
    const before = await read();
    const seen = await look();
    if (isDeepStrictEqual(before, await read())) return { read: before, look: seen };
    if (attempt === attempts) throw new Error(`the data changed during each of ${attempts} looks`);
  }
}
