import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A referral goes out only on a consent that shares the case with its receiver (see
 * 1765300000000-ConsentBoundCaseTeams: named, in force, covering the question for help); a
 * trigger refuses any other step out of DRAFT but cancelling.
 *
 * After the consent is withdrawn or expires the receiver no longer sees the referral row (the
 * question, the handover summary, life domains and contact preferences stay hidden), yet it may
 * still close its own referral with an outcome or a reason. Two SECURITY DEFINER functions give
 * it exactly that: the referral's state, dates and parties, and one closing step in its own name.
 */
export class ReferralsAfterConsent1765300000001 implements MigrationInterface {
  name = "ReferralsAfterConsent1765300000001";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION referral_sent_on_sharing_consent() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          IF NOT ketenkaart_consent_holds(NEW.consent_id, NEW.receiver_organization_id) THEN
            RAISE EXCEPTION 'referral % is not sent: no consent shares the case with its receiver', NEW.id
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END
      $$;
      CREATE TRIGGER referral_sent_on_sharing_consent BEFORE UPDATE OF state ON referral
        FOR EACH ROW WHEN (OLD.state = 'DRAFT' AND NEW.state <> 'DRAFT' AND NEW.state <> 'CANCELLED')
        EXECUTE FUNCTION referral_sent_on_sharing_consent();

      -- What the receiver of a referral still sees after the consent it rests on stopped
      -- holding: the referral's state, dates, parties and its own outcome, so that it can close
      -- it; never the question, the handover summary, the life domains or contact preferences.
      -- The client id is for the access log only. NULL for only_ids: all of them.
      CREATE FUNCTION ketenkaart_referrals_after_consent(only_ids uuid[])
        RETURNS TABLE (id uuid, "caseId" uuid, "clientId" uuid, "offeringId" uuid,
                       "senderOrganizationId" uuid, "senderUserId" uuid, "receiverOrganizationId" uuid,
                       "consentId" uuid, urgency text, state text, "sentAt" timestamptz,
                       "receivedAt" timestamptz, "responseDueAt" timestamptz, "intakeDueAt" timestamptz,
                       "introductionAt" timestamptz, outcome text, "createdAt" timestamptz,
                       "consentWithdrawn" boolean)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT r.id, r.case_id, c.client_id, r.offering_id, r.sender_organization_id, r.sender_user_id,
               r.receiver_organization_id, r.consent_id, r.urgency, r.state, r.sent_at, r.received_at,
               r.response_due_at, r.intake_due_at, r.introduction_at, r.outcome, r.created_at,
               coalesce(k.withdrawn_at IS NOT NULL, false)
          FROM referral r JOIN care_case c ON c.id = r.case_id
          LEFT JOIN consent k ON k.id = r.consent_id
         WHERE r.receiver_organization_id = ketenkaart_viewer_organization()
           AND r.state <> 'DRAFT'
           AND (only_ids IS NULL OR r.id = ANY (only_ids))
           AND NOT ketenkaart_consent_holds(r.consent_id, r.receiver_organization_id)
      $$;

      -- The one step the receiver may take then: close its open referral (declined, cancelled,
      -- completed with an outcome, failed), with a note, in its own name. False when the
      -- referral is not (or no longer) in the state the worker saw.
      CREATE FUNCTION ketenkaart_close_referral_after_consent(closed uuid, seen_state text, new_state text,
                                                              note text, closed_by uuid)
        RETURNS boolean
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
          viewer uuid := ketenkaart_viewer_organization();
        BEGIN
          IF new_state NOT IN ('DECLINED', 'CANCELLED', 'COMPLETED', 'FAILED')
             OR seen_state IN ('DRAFT', 'DECLINED', 'CANCELLED', 'COMPLETED', 'FAILED')
             OR length(btrim(coalesce(note, ''))) = 0 THEN
            RAISE EXCEPTION 'after the consent ended a referral can only be closed, with a note'
              USING ERRCODE = 'check_violation';
          END IF;
          IF NOT EXISTS (SELECT 1 FROM app_user
                          WHERE id = closed_by AND organization_id = viewer AND disabled_at IS NULL) THEN
            RAISE EXCEPTION 'a referral is closed by a worker of its receiver'
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          UPDATE referral
             SET state = new_state, updated_at = now(),
                 outcome = CASE WHEN new_state = 'COMPLETED' THEN note ELSE outcome END
           WHERE referral.id = closed AND referral.state = seen_state
             AND receiver_organization_id = viewer
             AND NOT ketenkaart_consent_holds(consent_id, receiver_organization_id);
          IF NOT FOUND THEN
            RETURN false;
          END IF;
          INSERT INTO referral_event (referral_id, from_state, to_state, user_id, organization_id, note)
          VALUES (closed, seen_state, new_state, closed_by, viewer, note);
          RETURN true;
        END
      $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION ketenkaart_close_referral_after_consent(uuid, text, text, text, uuid);
      DROP FUNCTION ketenkaart_referrals_after_consent(uuid[]);
      DROP TRIGGER referral_sent_on_sharing_consent ON referral;
      DROP FUNCTION referral_sent_on_sharing_consent();
    `);
  }
}
