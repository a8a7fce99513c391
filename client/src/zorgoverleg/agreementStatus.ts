/** How an agreement's status reads in the client. */
export const agreementStatusLabels: Record<string, string> = {
  OPEN: "Open",
  DONE: "Gedaan",
  CANCELLED: "Vervallen",
};
