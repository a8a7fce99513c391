// The live heap of a server instance, read over the V8 inspector: a full garbage collection and
// then the used size, so a leak shows as a rising line and the collector's own rhythm does not.
// RSS alone cannot tell a leak from V8 growing its heap to a size it likes.
import WebSocket from "ws";

export interface HeapProbe {
  /** Live heap in MB right after a full garbage collection. */
  liveHeapMb(): Promise<number>;
  close(): void;
}

export async function connectHeapProbe(inspectPort: number): Promise<HeapProbe> {
  const targets = (await (
    await fetch(`http://127.0.0.1:${inspectPort}/json/list`)
  ).json()) as Array<{
    webSocketDebuggerUrl: string;
  }>;
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  let nextId = 1;
  const pending = new Map<number, (result: Record<string, unknown>) => void>();
  socket.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: Record<string, unknown> };
    if (message.id) pending.get(message.id)?.(message.result ?? {});
  });
  const call = (method: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method }));
    });
  return {
    async liveHeapMb() {
      await call("HeapProfiler.collectGarbage");
      const { usedSize } = (await call("Runtime.getHeapUsage")) as { usedSize: number };
      return Math.round((usedSize / 2 ** 20) * 10) / 10;
    },
    close: () => socket.close(),
  };
}
