import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Row-level security tested a consent's end date against `current_date`, the date in the
 * session's time zone: UTC on most servers, a day behind Amsterdam from midnight until 01:00
 * (02:00 in summer). The code tests it against the date in Amsterdam, as the worker enters it
 * (common/amsterdam-time.ts); so does the policy now.
 */
export class ConsentHoldsOnAmsterdamDate1765200000000 implements MigrationInterface {
  name = "ConsentHoldsOnAmsterdamDate1765200000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(consentHolds("(now() AT TIME ZONE 'Europe/Amsterdam')::date"));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(consentHolds("current_date"));
  }
}

function consentHolds(today: string): string {
  return `
    CREATE OR REPLACE FUNCTION ketenkaart_consent_holds(checked_consent uuid, recipient uuid)
      RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT EXISTS (SELECT 1 FROM consent
                      WHERE id = checked_consent AND withdrawn_at IS NULL
                        AND valid_until >= ${today}
                        AND recipient = ANY (recipient_organization_ids))
    $$;`;
}
