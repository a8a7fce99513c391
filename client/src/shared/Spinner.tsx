/** A turning circle beside a text that says what is going on; the text is what counts. */
export function Spinner() {
  return <span className="kk-spinner" aria-hidden="true" />;
}
