import { type MouseEvent, type ReactNode, useState } from "react";
import { ErrorAlert } from "./ErrorAlert";
import { Spinner } from "./Spinner";

type State =
  | { step: "idle" }
  | { step: "preparing" }
  | { step: "done"; fileName: string; rows: number | null }
  | { step: "failed"; message: string };

/**
 * A download that says what it is doing: while the server prepares the file a spinner with
 * text, then the file name and its number of rows, or the server's reason in Dutch. Without
 * JavaScript (or opened in a new tab) it is an ordinary link.
 */
export function DownloadLink({
  href,
  className,
  children,
}: {
  href: string;
  className: string;
  children: ReactNode;
}) {
  const [state, setState] = useState<State>({ step: "idle" });

  const onClick = async (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    if (state.step === "preparing") return;
    setState({ step: "preparing" });
    try {
      const response = await fetch(href, { credentials: "same-origin" });
      if (!response.ok) {
        const text = response.headers.get("content-type")?.startsWith("text/plain")
          ? await response.text()
          : "";
        setState({ step: "failed", message: text || "Het downloaden is niet gelukt." });
        return;
      }
      const fileName = fileNameOf(response.headers.get("content-disposition")) ?? "export.csv";
      const rows = Number(response.headers.get("x-row-count") ?? "NaN");
      save(await response.blob(), fileName);
      setState({ step: "done", fileName, rows: Number.isInteger(rows) ? rows : null });
    } catch {
      setState({
        step: "failed",
        message: "Het downloaden is niet gelukt. Controleer uw verbinding en probeer het opnieuw.",
      });
    }
  };

  return (
    <div className="kk-download">
      <p className="utrecht-paragraph">
        <a
          className={className}
          href={href}
          download
          onClick={onClick}
          aria-disabled={state.step === "preparing" || undefined}
        >
          {children}
        </a>{" "}
        <span role="status">
          {state.step === "preparing" ? (
            <>
              <Spinner />
              Export wordt voorbereid…
            </>
          ) : state.step === "done" ? (
            `Gedownload: ${state.fileName}${state.rows === null ? "" : ` (${state.rows} ${state.rows === 1 ? "regel" : "regels"})`}.`
          ) : null}
        </span>
      </p>
      <ErrorAlert message={state.step === "failed" ? state.message : null} />
    </div>
  );
}

function fileNameOf(disposition: string | null): string | null {
  return /filename="([^"]+)"/.exec(disposition ?? "")?.[1] ?? null;
}

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the browser has taken the file over.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
