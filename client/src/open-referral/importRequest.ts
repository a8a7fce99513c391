// The answer of POST /open-referral/import (plain HTTP, not GraphQL: see server/hsds).
export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}
export type ImportAnswer =
  | { imported: true; organizations: Counts; locations: Counts; services: Counts }
  | { imported: false; problems: Array<{ path: string; message: string }> }
  | { error: { code: string; message: string } };

/** How far an import is, as the page shows it. */
export type ImportProgress =
  | { phase: "uploading"; loaded: number; total: number }
  | { phase: "checking" }
  | { phase: "writing"; processed: number; total: number };

type Line = { progress: ImportProgress } | { report: ImportAnswer } | ImportAnswer;

const failed: ImportAnswer = {
  error: { code: "NETWORK", message: "Inlezen is niet gelukt. Probeer het opnieuw." },
};

/**
 * Sends an HSDS file and reports progress: the upload (XMLHttpRequest, as fetch has no upload
 * progress) and then the server's own lines, read as they stream in.
 */
export function sendImport(
  file: File,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportAnswer> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    const lines = new LineReader();
    request.open("POST", "/open-referral/import");
    request.setRequestHeader("content-type", "application/json");
    request.setRequestHeader("accept", "application/x-ndjson");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress({ phase: "uploading", loaded: event.loaded, total: event.total });
      }
    };
    let last: Line | undefined;
    const readLines = (lines: Line[]) => {
      for (const line of lines) {
        if ("progress" in line) onProgress(line.progress);
        last = line;
      }
    };
    request.onprogress = () => readLines(lines.read(request.responseText));
    request.onload = () => {
      readLines(lines.read(request.responseText));
      // Refusals before the import starts (login, role, size, no JSON) come as one JSON body.
      readLines(lines.rest());
      resolve(!last || "progress" in last ? failed : "report" in last ? last.report : last);
    };
    request.onerror = () => resolve(failed);
    request.send(file);
  });
}

/** Complete lines of a growing response text, each once. */
export class LineReader {
  private offset = 0;
  private text = "";

  read(text: string): Line[] {
    this.text = text;
    const end = text.lastIndexOf("\n") + 1;
    if (end <= this.offset) return [];
    const complete = text.slice(this.offset, end);
    this.offset = end;
    return parse(complete);
  }

  /** What is left without a line end: a plain JSON answer. */
  rest(): Line[] {
    return parse(this.text.slice(this.offset));
  }
}

function parse(text: string): Line[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Line];
      } catch {
        return [];
      }
    });
}
