// The e-mails, in plain Dutch (B1) and with "u" as in the app. They never carry client data:
// only organisation names, a deadline and a link, so a mail forwarded or read over a shoulder
// tells nothing about an inwoner. The worker reads the referral after logging in.

export type MailKind = "NEW_REFERRAL" | "RESPONSE_OVERDUE" | "RESPONSE_OVERDUE_SENDER";

export interface InvitationFacts {
  organizationName: string;
  link: string;
  expiresAt: Date;
}

export interface ReferralMailFacts {
  referralId: string;
  senderName: string;
  receiverName: string;
  responseDueAt: Date;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const dutchDate = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Amsterdam",
});

/** "12 maart 2026", the day in Amsterdam. */
export function formatDutchDate(date: Date): string {
  return dutchDate.format(date);
}

/** Where the worker finds the referral: the receiver's inbox or the sender's sent list. */
export function referralLink(publicUrl: string, kind: MailKind, referralId: string): string {
  const anchor = kind === "RESPONSE_OVERDUE_SENDER" ? "verstuurd" : "overdracht";
  return `${publicUrl}/overdrachten#${anchor}-${referralId}`;
}

export function renderReferralMail(
  kind: MailKind,
  facts: ReferralMailFacts,
  publicUrl: string,
): RenderedMail {
  const deadline = formatDutchDate(facts.responseDueAt);
  const { senderName: sender, receiverName: receiver } = facts;
  const content = {
    NEW_REFERRAL: {
      subject: `Nieuwe verwijzing voor ${receiver}`,
      paragraphs: [
        `${sender} heeft een inwoner naar ${receiver} verwezen.`,
        `Reageer uiterlijk op ${deadline}: neem de verwijzing aan of wijs hem af.`,
      ],
    },
    RESPONSE_OVERDUE: {
      subject: `Herinnering: verwijzing voor ${receiver} wacht op reactie`,
      paragraphs: [
        `${sender} heeft een inwoner naar ${receiver} verwezen.`,
        `De termijn om te reageren was ${deadline}. De verwijzing wacht nog op een reactie.`,
        "Wilt u zo snel mogelijk reageren? Neem de verwijzing aan of wijs hem af.",
      ],
    },
    RESPONSE_OVERDUE_SENDER: {
      subject: `${receiver} heeft nog niet gereageerd op uw verwijzing`,
      paragraphs: [
        `U heeft een inwoner naar ${receiver} verwezen.`,
        `${receiver} moest uiterlijk op ${deadline} reageren, maar heeft dat nog niet gedaan.`,
        `Neem contact op met ${receiver}, of kies samen met de inwoner een ander aanbod.`,
      ],
    },
  }[kind];
  const link = referralLink(publicUrl, kind, facts.referralId);
  const settings = `${publicUrl}/meldingen`;
  const privacy =
    "Om de privacy van de inwoner te beschermen staan er geen gegevens van de inwoner in deze e-mail. U ziet ze als u inlogt.";

  const text = [
    "Beste collega,",
    ...content.paragraphs,
    `Bekijk de verwijzing in Ketenkaart:\n${link}`,
    privacy,
    "Met vriendelijke groet,\nKetenkaart",
    `Wilt u deze e-mails niet meer krijgen? Zet ze uit bij Meldingen: ${settings}`,
  ].join("\n\n");

  const html = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;">
<p>Beste collega,</p>
${content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n")}
<p><a href="${escapeHtml(link)}">Bekijk de verwijzing in Ketenkaart</a></p>
<p>${escapeHtml(privacy)}</p>
<p>Met vriendelijke groet,<br>Ketenkaart</p>
<p style="font-size: 14px; color: #555;">Wilt u deze e-mails niet meer krijgen? Zet ze uit bij <a href="${escapeHtml(settings)}">Meldingen</a>.</p>
</body>
</html>`;

  return { subject: content.subject, text, html };
}

/** The invitation to an account: who invites, the single-use link, until when it works. */
export function renderInvitationMail(facts: InvitationFacts): RenderedMail {
  return renderLinkMail({
    subject: `Uitnodiging voor Ketenkaart van ${facts.organizationName}`,
    paragraphs: [
      `${facts.organizationName} nodigt u uit om Ketenkaart te gebruiken: de sociale kaart en de warme overdracht van de schuldhulpketen in uw regio.`,
      `Kies met de link hieronder uw wachtwoord. De link werkt één keer en tot en met ${formatDutchDate(facts.expiresAt)}.`,
      "Verwachtte u deze uitnodiging niet? Dan kunt u deze e-mail negeren.",
    ],
    linkText: "Uw wachtwoord kiezen",
    link: facts.link,
  });
}

/** The link to choose a new password, after "wachtwoord vergeten". */
export function renderPasswordResetMail(facts: { link: string; minutes: number }): RenderedMail {
  return renderLinkMail({
    subject: "Een nieuw wachtwoord voor Ketenkaart",
    paragraphs: [
      "U (of iemand anders) heeft een nieuw wachtwoord voor Ketenkaart aangevraagd met dit e-mailadres.",
      `Kies met de link hieronder een nieuw wachtwoord. De link werkt één keer en ${facts.minutes} minuten lang. Daarna bent u overal uitgelogd waar u nog ingelogd was.`,
      "Heeft u niets aangevraagd? Dan kunt u deze e-mail negeren: uw wachtwoord blijft hetzelfde.",
    ],
    linkText: "Een nieuw wachtwoord kiezen",
    link: facts.link,
  });
}

/** A mail to a colleague about their own account, whose one action is a link. */
function renderLinkMail(mail: {
  subject: string;
  paragraphs: string[];
  linkText: string;
  link: string;
}): RenderedMail {
  const text = [
    "Beste collega,",
    ...mail.paragraphs,
    `${mail.linkText}:\n${mail.link}`,
    "Met vriendelijke groet,\nKetenkaart",
  ].join("\n\n");
  const html = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>${escapeHtml(mail.subject)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;">
<p>Beste collega,</p>
${mail.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n")}
<p><a href="${escapeHtml(mail.link)}">${escapeHtml(mail.linkText)}</a></p>
<p>Met vriendelijke groet,<br>Ketenkaart</p>
</body>
</html>`;
  return { subject: mail.subject, text, html };
}

function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
