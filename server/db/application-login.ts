import { escapeIdentifier, escapeLiteral } from "pg";
import type { Queryable } from "./queryable.js";
import { applicationRole } from "./request-scope.js";

/**
 * The database login every request runs as (DATABASE_APP_URL): a role that owns nothing and is a
 * member of `ketenkaart_app` only, so a statement smuggled into a request cannot `RESET ROLE` to
 * anything more. The tables belong to DATABASE_URL's role, which only migrations, seeding and
 * the background jobs use, on connections of their own.
 */
export interface Login {
  user: string;
  password: string;
}

/** The application's login on the embedded PostgreSQL and the tests' servers: development only. */
export const developmentApplicationLogin: Login = {
  user: "ketenkaart_web",
  password: "ketenkaart-web",
};

/** `url` (a postgres:// URL) with this login's user and password instead of its own. */
export function withLogin(url: string, login: Login): string {
  const changed = new URL(url);
  changed.username = encodeURIComponent(login.user);
  changed.password = encodeURIComponent(login.password);
  return changed.toString();
}

/**
 * Creates (or sets the password of) an application login, as a role administrator does once for
 * a deployment (README.md): `ketenkaart_app` if it is not there yet, and the login as its member.
 * For the embedded PostgreSQL and the tests' servers, whose administrator we are.
 */
export async function ensureApplicationLogin(
  administrator: Queryable,
  login: Login,
): Promise<void> {
  const user = escapeIdentifier(login.user);
  // Roles belong to the server: another database on it may have created them; CREATE ROLE
  // has no IF NOT EXISTS, and two starting at once may both find them missing.
  for (const statement of [
    `CREATE ROLE ${applicationRole} NOLOGIN`,
    `CREATE ROLE ${user} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS`,
  ]) {
    await administrator.query(
      `DO $$ BEGIN ${statement}; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
    );
  }
  await administrator.query(`ALTER ROLE ${user} PASSWORD ${escapeLiteral(login.password)}`);
  await administrator.query(`GRANT ${applicationRole} TO ${user}`);
}

interface ConnectedRole {
  name: string;
  superuser: boolean;
  bypassesRowLevelSecurity: boolean;
  createsRoles: boolean;
  createsDatabases: boolean;
  memberOf: string[];
  owners: string[];
  applicationRoleUnsafe: boolean;
}

/**
 * Why the connection's login must not serve requests, in words for the operator's log; empty
 * when it may. Checked at every start, so a deployment that gives DATABASE_APP_URL the owner's
 * login (or a role that can become more than `ketenkaart_app`) does not start.
 */
export async function applicationLoginProblems(db: Queryable): Promise<string[]> {
  const [role] = (await db.query(
    `SELECT r.rolname AS name, r.rolsuper AS superuser,
            r.rolbypassrls AS "bypassesRowLevelSecurity", r.rolcreaterole AS "createsRoles",
            r.rolcreatedb AS "createsDatabases",
            ARRAY(SELECT m.rolname::text FROM pg_roles m
                   WHERE m.oid <> r.oid AND pg_has_role(r.oid, m.oid, 'MEMBER')
                   ORDER BY m.rolname) AS "memberOf",
            ARRAY(SELECT o.rolname::text FROM pg_roles o
                   WHERE (o.oid = r.oid OR pg_has_role(r.oid, o.oid, 'MEMBER'))
                     AND (EXISTS (SELECT 1 FROM pg_class WHERE relowner = o.oid)
                          OR EXISTS (SELECT 1 FROM pg_proc WHERE proowner = o.oid)
                          OR EXISTS (SELECT 1 FROM pg_namespace WHERE nspowner = o.oid)
                          OR EXISTS (SELECT 1 FROM pg_database
                                      WHERE datname = current_database() AND datdba = o.oid))
                   ORDER BY o.rolname) AS owners,
            EXISTS (SELECT 1 FROM pg_roles a
                     WHERE a.rolname = $1
                       AND (a.rolsuper OR a.rolbypassrls OR a.rolcreaterole OR a.rolcreatedb))
              AS "applicationRoleUnsafe"
       FROM pg_roles r WHERE r.rolname = session_user`,
    [applicationRole],
  )) as ConnectedRole[];
  if (!role) return ["DATABASE_APP_URL: the connected role was not found"];
  const who = `DATABASE_APP_URL connects as ${role.name}, which`;
  const problems: string[] = [];
  if (role.superuser) problems.push(`${who} is a superuser`);
  if (role.bypassesRowLevelSecurity) problems.push(`${who} bypasses row-level security`);
  if (role.createsRoles || role.createsDatabases)
    problems.push(`${who} may create roles or databases`);
  if (role.owners.length > 0) {
    problems.push(
      `${who} owns objects in the database (through ${role.owners.join(", ")}): the tables belong to DATABASE_URL's role`,
    );
  }
  const others = role.memberOf.filter((name) => name !== applicationRole);
  if (others.length > 0) {
    problems.push(
      `${who} is a member of roles other than ${applicationRole}: ${others.join(", ")}`,
    );
  }
  if (!role.memberOf.includes(applicationRole)) {
    problems.push(
      `${who} is not a member of ${applicationRole}: GRANT ${applicationRole} TO ${role.name}`,
    );
  }
  if (role.applicationRoleUnsafe) {
    problems.push(
      `${applicationRole} itself is a superuser or may bypass row-level security or create roles or databases`,
    );
  }
  return problems;
}
