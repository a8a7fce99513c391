import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A database backstop behind the code's own checks: the server works as the role
 * `ketenkaart_app`, which owns nothing, and row-level security on every table with case data
 * shows that role only the rows of cases the viewer's organisation may see. A check forgotten
 * in code then returns nothing instead of another organisation's clients.
 *
 * The viewer reaches PostgreSQL as two settings on the connection (see server/db/request-scope.ts):
 * `ketenkaart.organization_id` and `ketenkaart.roles`. Without them nothing of a case is visible.
 *
 * The owner (whoever DATABASE_URL connects as) keeps full access: RLS is enabled without FORCE,
 * so migrations, seeding and the retention job are unaffected.
 *
 * The membership checks are SECURITY DEFINER functions: a policy on case_member that queried
 * case_member through RLS would recurse. They only answer yes or no for the viewer's
 * organisation and set their search_path so they cannot be hijacked.
 *
 * The access log is append-only for the application: INSERT and SELECT, no UPDATE or DELETE,
 * and an organisation can only write entries in its own name.
 */
export class RowLevelSecurity1764600000000 implements MigrationInterface {
  name = "RowLevelSecurity1764600000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Roles belong to the cluster, not the database: another Ketenkaart database on the same
      -- server (or a DBA beforehand) may have created it already.
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ketenkaart_app') THEN
          CREATE ROLE ketenkaart_app NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END
      $$;
      -- The connecting user switches to the role per connection (SET ROLE), so it must be a member.
      DO $$
      BEGIN
        IF NOT pg_has_role(current_user, 'ketenkaart_app', 'MEMBER') THEN
          EXECUTE format('GRANT ketenkaart_app TO %I', current_user);
        END IF;
      END
      $$;

      GRANT USAGE ON SCHEMA public TO ketenkaart_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ketenkaart_app;
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ketenkaart_app;
      REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON migrations FROM ketenkaart_app;
      REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM ketenkaart_app;
      -- Tables that later migrations create are usable by the application too; a migration that
      -- adds case data must enable row-level security on it itself.
      ALTER DEFAULT PRIVILEGES IN SCHEMA public
        GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ketenkaart_app;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public
        GRANT USAGE, SELECT ON SEQUENCES TO ketenkaart_app;

      CREATE FUNCTION ketenkaart_viewer_organization() RETURNS uuid LANGUAGE sql STABLE AS $$
        SELECT nullif(current_setting('ketenkaart.organization_id', true), '')::uuid
      $$;

      CREATE FUNCTION ketenkaart_is_case_member(checked_case uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT EXISTS (SELECT 1 FROM case_member
                        WHERE case_id = checked_case AND organization_id = ketenkaart_viewer_organization())
      $$;

      -- A referral's receiver sees it from SENT on, while the consent it rests on holds for the
      -- receiver: withdrawing the consent cuts the receiver off, as in the code.
      CREATE FUNCTION ketenkaart_consent_holds(checked_consent uuid, recipient uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT EXISTS (SELECT 1 FROM consent
                        WHERE id = checked_consent AND withdrawn_at IS NULL
                          AND valid_until >= current_date
                          AND recipient = ANY (recipient_organization_ids))
      $$;

      -- The receiver of a sent referral sees the case and client it is about (the consent the
      -- referral rests on is the basis), not the rest of the team's work.
      CREATE FUNCTION ketenkaart_receives_referral_on(checked_case uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT EXISTS (SELECT 1 FROM referral
                        WHERE case_id = checked_case AND state <> 'DRAFT'
                          AND receiver_organization_id = ketenkaart_viewer_organization()
                          AND ketenkaart_consent_holds(consent_id, receiver_organization_id))
      $$;

      -- The organisation that registered a client: it opens the client's case in the same
      -- transaction, before the case team exists.
      CREATE FUNCTION ketenkaart_registered_client(checked_client uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT EXISTS (SELECT 1 FROM client
                        WHERE id = checked_client
                          AND created_by_organization_id = ketenkaart_viewer_organization())
      $$;

      CREATE FUNCTION ketenkaart_may_see_case(checked_case uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT ketenkaart_is_case_member(checked_case) OR ketenkaart_receives_referral_on(checked_case)
      $$;

      CREATE FUNCTION ketenkaart_may_see_client(checked_client uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT ketenkaart_registered_client(checked_client)
            OR EXISTS (SELECT 1 FROM care_case WHERE client_id = checked_client
                                                 AND ketenkaart_may_see_case(id))
      $$;

      ALTER TABLE client ENABLE ROW LEVEL SECURITY;
      CREATE POLICY client_visible ON client TO ketenkaart_app
        USING (created_by_organization_id = ketenkaart_viewer_organization() OR ketenkaart_may_see_client(id));

      ALTER TABLE consent ENABLE ROW LEVEL SECURITY;
      CREATE POLICY consent_visible ON consent TO ketenkaart_app
        USING (ketenkaart_may_see_client(client_id));

      ALTER TABLE care_case ENABLE ROW LEVEL SECURITY;
      CREATE POLICY care_case_visible ON care_case TO ketenkaart_app
        USING (ketenkaart_may_see_case(id) OR ketenkaart_registered_client(client_id));

      -- An organisation sees its own membership rows, and joins a team only as the receiver of
      -- a referral or as the organisation that registered the client; members add others.
      ALTER TABLE case_member ENABLE ROW LEVEL SECURITY;
      CREATE POLICY case_member_visible ON case_member TO ketenkaart_app
        USING (organization_id = ketenkaart_viewer_organization() OR ketenkaart_is_case_member(case_id))
        WITH CHECK (ketenkaart_is_case_member(case_id)
          OR (organization_id = ketenkaart_viewer_organization()
              AND (ketenkaart_receives_referral_on(case_id)
                   OR ketenkaart_registered_client((SELECT client_id FROM care_case WHERE id = case_id)))));

      ALTER TABLE regie_assignment ENABLE ROW LEVEL SECURITY;
      CREATE POLICY regie_assignment_team ON regie_assignment TO ketenkaart_app
        USING (ketenkaart_is_case_member(case_id));

      -- The receiver sees a referral from SENT on; its events follow the referral.
      ALTER TABLE referral ENABLE ROW LEVEL SECURITY;
      CREATE POLICY referral_visible ON referral TO ketenkaart_app
        USING (ketenkaart_is_case_member(case_id)
          OR (receiver_organization_id = ketenkaart_viewer_organization() AND state <> 'DRAFT'
              AND ketenkaart_consent_holds(consent_id, receiver_organization_id)));

      ALTER TABLE referral_event ENABLE ROW LEVEL SECURITY;
      CREATE POLICY referral_event_visible ON referral_event TO ketenkaart_app
        USING (EXISTS (SELECT 1 FROM referral r WHERE r.id = referral_id));

      ALTER TABLE zorgoverleg ENABLE ROW LEVEL SECURITY;
      CREATE POLICY zorgoverleg_team ON zorgoverleg TO ketenkaart_app
        USING (ketenkaart_is_case_member(case_id));
      ALTER TABLE zorgoverleg_invitee ENABLE ROW LEVEL SECURITY;
      CREATE POLICY zorgoverleg_invitee_team ON zorgoverleg_invitee TO ketenkaart_app
        USING (ketenkaart_is_case_member(case_id));
      ALTER TABLE agreement ENABLE ROW LEVEL SECURITY;
      CREATE POLICY agreement_team ON agreement TO ketenkaart_app
        USING (ketenkaart_is_case_member(case_id));

      ALTER TABLE nazorg_plan ENABLE ROW LEVEL SECURITY;
      CREATE POLICY nazorg_plan_team ON nazorg_plan TO ketenkaart_app
        USING (ketenkaart_is_case_member(case_id));
      ALTER TABLE nazorg_plan_adjustment ENABLE ROW LEVEL SECURITY;
      CREATE POLICY nazorg_plan_adjustment_team ON nazorg_plan_adjustment TO ketenkaart_app
        USING (EXISTS (SELECT 1 FROM nazorg_plan p WHERE p.id = plan_id));
      ALTER TABLE nazorg_contact ENABLE ROW LEVEL SECURITY;
      CREATE POLICY nazorg_contact_team ON nazorg_contact TO ketenkaart_app
        USING (EXISTS (SELECT 1 FROM nazorg_plan p WHERE p.id = plan_id));
      ALTER TABLE relapse_risk ENABLE ROW LEVEL SECURITY;
      CREATE POLICY relapse_risk_team ON relapse_risk TO ketenkaart_app
        USING (ketenkaart_is_case_member(case_id));

      -- Reading the log follows the client; writing is only in the viewer's own name.
      ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;
      CREATE POLICY access_log_read ON access_log FOR SELECT TO ketenkaart_app
        USING (ketenkaart_may_see_client(client_id));
      CREATE POLICY access_log_append ON access_log FOR INSERT TO ketenkaart_app
        WITH CHECK (organization_id = ketenkaart_viewer_organization());

      -- The regiobeheerder's list of cases without a working regie holder in the region covers
      -- cases the administrator's organisation is not on the team of. Rather than open those
      -- tables to a role, this function answers exactly that list (ids, phase and the holder;
      -- no client data) and nothing for anyone without the REGIO_BEHEERDER role.
      CREATE FUNCTION ketenkaart_regie_gaps(max_rows integer)
        RETURNS TABLE ("caseId" uuid, "clientId" uuid, phase text, "holderOrganizationId" uuid,
                       "holderUserId" uuid, since timestamptz, "workerDisabled" boolean,
                       "withoutUsers" boolean, "leftRegion" boolean, total bigint)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH viewer AS (
          SELECT ketenkaart_viewer_organization() AS organization_id
           WHERE 'REGIO_BEHEERDER' = ANY (string_to_array(current_setting('ketenkaart.roles', true), ','))
        ), region_gemeenten AS (
          SELECT g.code FROM gemeente g
           WHERE g.region_id IN (
             SELECT own.region_id FROM viewer v
               JOIN organization o ON o.id = v.organization_id
               JOIN gemeente own ON own.code = ANY (o.gemeente_codes))
        ), region_codes AS (SELECT coalesce(array_agg(code), '{}') AS codes FROM region_gemeenten)
        SELECT c.id, c.client_id, c.phase, ra.organization_id, ra.user_id, ra.started_at,
               coalesce(u.disabled_at IS NOT NULL, false),
               NOT EXISTS (SELECT 1 FROM app_user a
                            WHERE a.organization_id = ra.organization_id AND a.disabled_at IS NULL),
               NOT (o.gemeente_codes && rc.codes),
               count(*) OVER ()
          FROM care_case c
          JOIN client cl ON cl.id = c.client_id
          JOIN regie_assignment ra ON ra.case_id = c.id AND ra.ended_at IS NULL
          JOIN organization o ON o.id = ra.organization_id
          LEFT JOIN app_user u ON u.id = ra.user_id
          CROSS JOIN region_codes rc
         WHERE c.phase <> 'AFGESLOTEN'
           AND (cl.gemeente_code = ANY (rc.codes) OR EXISTS (
                 SELECT 1 FROM case_member m JOIN organization team ON team.id = m.organization_id
                  WHERE m.case_id = c.id AND team.gemeente_codes && rc.codes))
           AND (u.disabled_at IS NOT NULL
                OR NOT EXISTS (SELECT 1 FROM app_user a
                                WHERE a.organization_id = ra.organization_id AND a.disabled_at IS NULL)
                OR NOT (o.gemeente_codes && rc.codes))
         ORDER BY ra.started_at, c.id
         LIMIT max_rows
      $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION ketenkaart_regie_gaps(integer);
      DROP POLICY access_log_append ON access_log;
      DROP POLICY access_log_read ON access_log;
      ALTER TABLE access_log DISABLE ROW LEVEL SECURITY;
      DROP POLICY relapse_risk_team ON relapse_risk;
      ALTER TABLE relapse_risk DISABLE ROW LEVEL SECURITY;
      DROP POLICY nazorg_contact_team ON nazorg_contact;
      ALTER TABLE nazorg_contact DISABLE ROW LEVEL SECURITY;
      DROP POLICY nazorg_plan_adjustment_team ON nazorg_plan_adjustment;
      ALTER TABLE nazorg_plan_adjustment DISABLE ROW LEVEL SECURITY;
      DROP POLICY nazorg_plan_team ON nazorg_plan;
      ALTER TABLE nazorg_plan DISABLE ROW LEVEL SECURITY;
      DROP POLICY agreement_team ON agreement;
      ALTER TABLE agreement DISABLE ROW LEVEL SECURITY;
      DROP POLICY zorgoverleg_invitee_team ON zorgoverleg_invitee;
      ALTER TABLE zorgoverleg_invitee DISABLE ROW LEVEL SECURITY;
      DROP POLICY zorgoverleg_team ON zorgoverleg;
      ALTER TABLE zorgoverleg DISABLE ROW LEVEL SECURITY;
      DROP POLICY referral_event_visible ON referral_event;
      ALTER TABLE referral_event DISABLE ROW LEVEL SECURITY;
      DROP POLICY referral_visible ON referral;
      ALTER TABLE referral DISABLE ROW LEVEL SECURITY;
      DROP POLICY regie_assignment_team ON regie_assignment;
      ALTER TABLE regie_assignment DISABLE ROW LEVEL SECURITY;
      DROP POLICY case_member_visible ON case_member;
      ALTER TABLE case_member DISABLE ROW LEVEL SECURITY;
      DROP POLICY care_case_visible ON care_case;
      ALTER TABLE care_case DISABLE ROW LEVEL SECURITY;
      DROP POLICY consent_visible ON consent;
      ALTER TABLE consent DISABLE ROW LEVEL SECURITY;
      DROP POLICY client_visible ON client;
      ALTER TABLE client DISABLE ROW LEVEL SECURITY;
      DROP FUNCTION ketenkaart_may_see_client(uuid);
      DROP FUNCTION ketenkaart_may_see_case(uuid);
      DROP FUNCTION ketenkaart_registered_client(uuid);
      DROP FUNCTION ketenkaart_receives_referral_on(uuid);
      DROP FUNCTION ketenkaart_consent_holds(uuid, uuid);
      DROP FUNCTION ketenkaart_is_case_member(uuid);
      DROP FUNCTION ketenkaart_viewer_organization();
      ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM ketenkaart_app;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public
        REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ketenkaart_app;
      REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ketenkaart_app;
      REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ketenkaart_app;
      REVOKE USAGE ON SCHEMA public FROM ketenkaart_app;
      -- The role itself stays: it belongs to the cluster and other databases may use it.
    `);
  }
}
