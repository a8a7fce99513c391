import type { ZorgoverlegSectionQuery } from "../gql/graphql";

/** The team members that may still see the case: whom to invite, give agreements or regie. */
export type CaseTeam = Array<
  Pick<NonNullable<ZorgoverlegSectionQuery["case"]>["team"][number], "organization" | "workers">
>;
