/** What a user may be in their organisation; the auth module gives the roles their labels. */
export enum Role {
  MEDEWERKER = "MEDEWERKER",
  COORDINATOR = "COORDINATOR",
  BEHEERDER = "BEHEERDER",
  REGIO_BEHEERDER = "REGIO_BEHEERDER",
}

/** Who is making the request: the user of a valid, unexpired, unrevoked session. */
export interface Viewer {
  sessionId: string;
  sessionExpiresAt: Date;
  userId: string;
  organizationId: string;
  roles: Role[];
  /**
   * The account logs in with a second factor (an authenticator app or a passkey), or this session
   * began at the organisation's issuer, whose own login stands in for it.
   */
  hasSecondFactor: boolean;
}
