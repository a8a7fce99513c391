import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Every way an organisation sees a client rests on the client's consent for it, and a
 * withdrawn or expired consent cuts that organisation off at once.
 *
 * - A consent shares a case with an organisation while it names the organisation, has been
 *   given, is not withdrawn, has not expired (dates in Amsterdam) and covers the question for
 *   help (HULPVRAAG): the team's work is about that question, so a consent for contact details
 *   only shares no case.
 * - An organisation may be on a case team when it registered the client (its own client: no
 *   consent needed) or while a consent shares the case with it. Membership rows stay when a
 *   consent ends (the team's history), but they give no access any more: every policy that asked
 *   "is the viewer on the team?" now also asks "on what basis, still?".
 * - Joining a team (a member adding another organisation, a referral's receiver accepting, an
 *   invitation to a zorgoverleg) needs that basis for the organisation joining; regie can only
 *   go to an organisation that has it.
 * - A referral's receiver sees it only while the consent it rests on shares the case with it.
 */
export class ConsentBoundCaseTeams1765300000000 implements MigrationInterface {
  name = "ConsentBoundCaseTeams1765300000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION ketenkaart_consent_shares_case(checked_client uuid, recipient uuid)
        RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT EXISTS (SELECT 1 FROM consent
                        WHERE client_id = checked_client
                          AND recipient = ANY (recipient_organization_ids)
                          AND withdrawn_at IS NULL
                          AND given_on <= (now() AT TIME ZONE 'Europe/Amsterdam')::date
                          AND valid_until >= (now() AT TIME ZONE 'Europe/Amsterdam')::date
                          AND 'HULPVRAAG' = ANY (data_categories))
      $$;

      CREATE FUNCTION ketenkaart_may_join_team(checked_case uuid, organization uuid)
        RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT EXISTS (SELECT 1 FROM care_case c JOIN client cl ON cl.id = c.client_id
                        WHERE c.id = checked_case
                          AND (cl.created_by_organization_id = organization
                               OR ketenkaart_consent_shares_case(cl.id, organization)))
      $$;

      CREATE OR REPLACE FUNCTION ketenkaart_is_case_member(checked_case uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT EXISTS (SELECT 1 FROM case_member
                        WHERE case_id = checked_case AND organization_id = ketenkaart_viewer_organization())
           AND ketenkaart_may_join_team(checked_case, ketenkaart_viewer_organization())
      $$;

      CREATE OR REPLACE FUNCTION ketenkaart_consent_holds(checked_consent uuid, recipient uuid)
        RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT EXISTS (SELECT 1 FROM consent
                        WHERE id = checked_consent
                          AND recipient = ANY (recipient_organization_ids)
                          AND withdrawn_at IS NULL
                          AND given_on <= (now() AT TIME ZONE 'Europe/Amsterdam')::date
                          AND valid_until >= (now() AT TIME ZONE 'Europe/Amsterdam')::date
                          AND 'HULPVRAAG' = ANY (data_categories))
      $$;

      -- Members see the team, and an organisation its own row while it may be on the team (an
      -- INSERT ... ON CONFLICT must see the row it adds). A member adds only an organisation
      -- that may join, and an organisation adds itself only as a referral's receiver or as the
      -- one that registered the client. Nobody removes a member: the team's history stays.
      DROP POLICY case_member_visible ON case_member;
      CREATE POLICY case_member_read ON case_member FOR SELECT TO ketenkaart_app
        USING (ketenkaart_is_case_member(case_id)
               OR (organization_id = ketenkaart_viewer_organization()
                   AND ketenkaart_may_join_team(case_id, organization_id)));
      CREATE POLICY case_member_join ON case_member FOR INSERT TO ketenkaart_app
        WITH CHECK ((ketenkaart_is_case_member(case_id)
                     OR (organization_id = ketenkaart_viewer_organization()
                         AND (ketenkaart_receives_referral_on(case_id)
                              OR ketenkaart_registered_client((SELECT client_id FROM care_case WHERE id = case_id)))))
                    AND ketenkaart_may_join_team(case_id, organization_id));
      CREATE POLICY case_member_change ON case_member FOR UPDATE TO ketenkaart_app
        USING (ketenkaart_is_case_member(case_id))
        WITH CHECK (ketenkaart_is_case_member(case_id) AND ketenkaart_may_join_team(case_id, organization_id));

      -- Regie starts only with an organisation that may be on the team; ending the current
      -- assignment of one that may no longer be is allowed, so regie can move away from it.
      DROP POLICY regie_assignment_team ON regie_assignment;
      CREATE POLICY regie_assignment_read ON regie_assignment FOR SELECT TO ketenkaart_app
        USING (ketenkaart_is_case_member(case_id));
      CREATE POLICY regie_assignment_start ON regie_assignment FOR INSERT TO ketenkaart_app
        WITH CHECK (ketenkaart_is_case_member(case_id) AND ketenkaart_may_join_team(case_id, organization_id));
      CREATE POLICY regie_assignment_change ON regie_assignment FOR UPDATE TO ketenkaart_app
        USING (ketenkaart_is_case_member(case_id)) WITH CHECK (ketenkaart_is_case_member(case_id));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP POLICY regie_assignment_change ON regie_assignment;
      DROP POLICY regie_assignment_start ON regie_assignment;
      DROP POLICY regie_assignment_read ON regie_assignment;
      CREATE POLICY regie_assignment_team ON regie_assignment TO ketenkaart_app
        USING (ketenkaart_is_case_member(case_id));

      DROP POLICY case_member_change ON case_member;
      DROP POLICY case_member_join ON case_member;
      DROP POLICY case_member_read ON case_member;
      CREATE POLICY case_member_visible ON case_member TO ketenkaart_app
        USING (organization_id = ketenkaart_viewer_organization() OR ketenkaart_is_case_member(case_id))
        WITH CHECK (ketenkaart_is_case_member(case_id)
          OR (organization_id = ketenkaart_viewer_organization()
              AND (ketenkaart_receives_referral_on(case_id)
                   OR ketenkaart_registered_client((SELECT client_id FROM care_case WHERE id = case_id)))));

      CREATE OR REPLACE FUNCTION ketenkaart_consent_holds(checked_consent uuid, recipient uuid)
        RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT EXISTS (SELECT 1 FROM consent
                        WHERE id = checked_consent AND withdrawn_at IS NULL
                          AND valid_until >= (now() AT TIME ZONE 'Europe/Amsterdam')::date
                          AND recipient = ANY (recipient_organization_ids))
      $$;
      CREATE OR REPLACE FUNCTION ketenkaart_is_case_member(checked_case uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT EXISTS (SELECT 1 FROM case_member
                        WHERE case_id = checked_case AND organization_id = ketenkaart_viewer_organization())
      $$;
      DROP FUNCTION ketenkaart_may_join_team(uuid, uuid);
      DROP FUNCTION ketenkaart_consent_shares_case(uuid, uuid);
    `);
  }
}
