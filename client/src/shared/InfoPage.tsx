import type { ReactNode } from "react";

/**
 * The frame of an information page for inwoners and workers (privacy, accessibility): its title,
 * a lead paragraph and titled sections, each a landmark named by its heading.
 */
export function InfoPage({
  title,
  lead,
  className = "kk-detail",
  children,
}: {
  title: string;
  lead: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph kk-lead">{lead}</p>
      {children}
    </div>
  );
}

export function InfoSection({
  id,
  heading,
  children,
}: {
  id: string;
  heading: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="utrecht-heading-2">
        {heading}
      </h2>
      {children}
    </section>
  );
}
