/**
 * A short reference to a case that says nothing about the client: for the browser tab (and so
 * the browser's history) and wherever the case is named outside its page. The same as the
 * zorgoverleg invitation's (server/zorgoverleg/zorgoverleg.invitation.ts).
 */
export const caseReference = (caseId: string) => caseId.slice(0, 8).toUpperCase();
