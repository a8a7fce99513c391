import { type FormEvent, useState } from "react";
import { useMe } from "../auth/session";
import { ErrorAlert } from "../shared/ErrorAlert";
import { ProblemArea } from "../shared/form";
import { TextField } from "../shared/fields";
import { PageLoading } from "../shared/PageStates";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { Spinner } from "../shared/Spinner";
import { type Counts, type ImportAnswer, type ImportProgress, sendImport } from "./importRequest";

/** Open Referral (HSDS): the directory as an open-standard file, out and (for the region) in. */
export function OpenReferralPage() {
  useDocumentTitle("Open Referral (HSDS)");
  const me = useMe();
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  if (me === undefined) return <PageLoading />;
  const mayImport = me?.roles.includes("REGIO_BEHEERDER") ?? false;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("document");
    if (!(file instanceof File) || file.size === 0) {
      setAnswer({ error: { code: "BAD_USER_INPUT", message: "Kies eerst een HSDS-bestand." } });
      return;
    }
    setBusy(true);
    setAnswer(null);
    setProgress(null);
    const result = await sendImport(file, setProgress);
    // After a success the bar stays at "m van m verwerkt"; a refusal wrote nothing.
    if (!("imported" in result && result.imported)) setProgress(null);
    setAnswer(result);
    setBusy(false);
  };

  return (
    <>
      <h1 className="utrecht-heading-1">Open Referral (HSDS)</h1>
      <p className="utrecht-paragraph kk-lead">
        De sociale kaart als open standaard voor dienstenregisters: Open Referral HSDS 3.0.
      </p>

      <section aria-labelledby="hsds-export">
        <h2 className="utrecht-heading-2" id="hsds-export">
          Downloaden
        </h2>
        <p className="utrecht-paragraph">
          Alle organisaties, locaties en aanbod van de regio, met de indeling van Ketenkaart
          (modules, palet van nazorg, leefgebieden, doelgroepen) als taxonomieën. Het bestand bevat
          geen gegevens van inwoners.
        </p>
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href="/open-referral/hsds.json" download>
            Download de sociale kaart als HSDS-bestand (JSON)
          </a>
        </p>
      </section>

      {mayImport ? (
        <section aria-labelledby="hsds-import">
          <h2 className="utrecht-heading-2" id="hsds-import">
            Inlezen
          </h2>
          <p className="utrecht-paragraph">
            Een HSDS-bestand wordt helemaal ingelezen of helemaal niet. Wat al in Ketenkaart staat
            (zelfde id) wordt bijgewerkt, niets wordt verwijderd.
          </p>
          <ProblemArea problem={null}>
            <form className="kk-stack kk-narrow" onSubmit={onSubmit}>
              <TextField
                id="hsds-document"
                name="document"
                path="document"
                label="HSDS-bestand (JSON)"
                type="file"
                required
                accept="application/json,.json"
              />
              <div>
                <button
                  type="submit"
                  className="utrecht-button utrecht-button--primary-action"
                  disabled={busy}
                >
                  Inlezen
                </button>
              </div>
            </form>
          </ProblemArea>
          <div role="status" className="kk-import-progress">
            {progress ? <ProgressView progress={progress} busy={busy} /> : null}
          </div>
          {answer ? <ImportResult answer={answer} /> : null}
        </section>
      ) : null}
    </>
  );
}

function ProgressView({ progress, busy }: { progress: ImportProgress; busy: boolean }) {
  if (progress.phase === "checking") {
    return (
      <p className="utrecht-paragraph">
        <Spinner /> Bestand controleren…
      </p>
    );
  }
  const [label, value, max, text] =
    progress.phase === "uploading"
      ? [
          "Bestand versturen",
          progress.loaded,
          progress.total,
          `${Math.round((100 * progress.loaded) / Math.max(progress.total, 1))}%`,
        ]
      : [
          "Verwerken",
          progress.processed,
          progress.total,
          `${progress.processed} van ${progress.total} verwerkt`,
        ];
  return (
    <p className="utrecht-paragraph kk-progress-line">
      {busy ? <Spinner /> : null}
      <label htmlFor="hsds-voortgang">{label}:</label>{" "}
      <progress id="hsds-voortgang" max={max} value={value} /> <span>{text}</span>
    </p>
  );
}

function ImportResult({ answer }: { answer: ImportAnswer }) {
  if ("error" in answer) return <ErrorAlert message={answer.error.message} />;
  if (!answer.imported) {
    return (
      <div className="utrecht-alert utrecht-alert--error" role="alert">
        <p className="utrecht-paragraph">
          Het bestand is niet ingelezen; er is niets veranderd. Wat er niet klopt (
          {answer.problems.length}):
        </p>
        <ul className="utrecht-unordered-list">
          {answer.problems.map((problem, index) => (
            <li key={index} className="utrecht-unordered-list__item">
              <code>{problem.path}</code>: {problem.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const rows: Array<[string, Counts]> = [
    ["Organisaties", answer.organizations],
    ["Locaties", answer.locations],
    ["Aanbod", answer.services],
  ];
  return (
    <div role="status">
      <p className="utrecht-paragraph">
        <strong>
          Import geslaagd: {total(answer.services)}{" "}
          {total(answer.services) === 1 ? "aanbieding" : "aanbiedingen"}
        </strong>{" "}
        ({answer.services.created} nieuw, {answer.services.updated} bijgewerkt,{" "}
        {answer.services.unchanged} ongewijzigd), {total(answer.organizations)} organisaties en{" "}
        {total(answer.locations)} locaties.
      </p>
      <table className="kk-table">
        <caption className="kk-visually-hidden">Resultaat van het inlezen</caption>
        <thead>
          <tr>
            <th scope="col">Soort</th>
            <th scope="col">Nieuw</th>
            <th scope="col">Bijgewerkt</th>
            <th scope="col">Ongewijzigd</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, counts]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{counts.created}</td>
              <td>{counts.updated}</td>
              <td>{counts.unchanged}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const total = (counts: Counts) => counts.created + counts.updated + counts.unchanged;
