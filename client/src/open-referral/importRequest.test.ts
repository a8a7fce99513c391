import { describe, expect, it } from "vitest";
import { LineReader } from "./importRequest";

describe("reading the import's streamed answer", () => {
  it("gives each complete line once, as the text grows", () => {
    const reader = new LineReader();
    const checking = '{"progress":{"phase":"checking"}}\n';
    const writing = '{"progress":{"phase":"writing","processed":3,"total":9}}\n';
    expect(reader.read(checking + writing.slice(0, 10))).toEqual([
      { progress: { phase: "checking" } },
    ]);
    expect(reader.read(checking + writing)).toEqual([
      { progress: { phase: "writing", processed: 3, total: 9 } },
    ]);
    expect(reader.read(checking + writing)).toEqual([]);
    expect(reader.rest()).toEqual([]);
  });

  it("reads a plain JSON answer (a refusal before the import starts) as the rest", () => {
    const reader = new LineReader();
    const body = '{"error":{"code":"FORBIDDEN","message":"Alleen een regiobeheerder …"}}';
    expect(reader.read(body)).toEqual([]);
    expect(reader.rest()).toEqual([
      { error: { code: "FORBIDDEN", message: "Alleen een regiobeheerder …" } },
    ]);
  });
});
