import { formatDate } from "../shared/format";

/** An invitation's link, when no e-mail goes out: the inviter passes it on. */
export interface HandedLink {
  name: string;
  link: string;
  expiresAt: string | null;
}

export function HandedLinkNotice({ handed }: { handed: HandedLink }) {
  return (
    <div className="utrecht-alert utrecht-alert--info" role="status">
      <p className="utrecht-paragraph">
        Deze Ketenkaart verstuurt geen e-mail. Geef deze link zelf door aan {handed.name}
        {handed.expiresAt ? ` (werkt tot en met ${formatDate(handed.expiresAt)})` : ""}:
      </p>
      <p className="utrecht-paragraph kk-break">
        <code>{handed.link}</code>
      </p>
    </div>
  );
}
