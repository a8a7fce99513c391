import { describe, expect, it } from "vitest";
import { normalizeEmail } from "../../server/auth/email-address.js";
import { buildOrganization, buildUser, database, uniqueWord } from "../support/factories.js";

/** Each text's form by the database's `ketenkaart_email_key`, in order. */
async function databaseForms(texts: string[]): Promise<string[]> {
  const db = await database();
  const rows = (await db.query(
    `SELECT ketenkaart_email_key(text) AS form
       FROM unnest($1::text[]) WITH ORDINALITY AS t(text, position) ORDER BY position`,
    [texts],
  )) as Array<{ form: string }>;
  return rows.map((row) => row.form);
}

/** The texts whose JavaScript form differs from the database's, with both forms. */
async function differences(texts: string[]) {
  const forms = await databaseForms(texts);
  return texts.flatMap((text, index) =>
    normalizeEmail(text) === forms[index]
      ? []
      : [{ text, javascript: normalizeEmail(text), database: forms[index] }],
  );
}

/**
 * Every character both JavaScript and the database know (PostgreSQL's unicode_assigned, from
 * version 17): a character only the newer Unicode of one of them has may be normalised by it
 * alone. Private use characters normalise to themselves everywhere.
 */
async function sharedCharacters(): Promise<string[]> {
  const characters: string[] = [];
  // From 1: PostgreSQL text holds no NUL.
  for (let code = 1; code <= 0x10ffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const character = String.fromCodePoint(code);
    if (/\p{Assigned}/u.test(character) && !/\p{Co}/u.test(character)) characters.push(character);
  }
  const known = (await (
    await database()
  ).query("SELECT array_agg(c) AS known FROM unnest($1::text[]) AS c WHERE unicode_assigned(c)", [
    characters,
  ])) as [{ known: string[] }];
  return known[0].known;
}

describe("the one form of an e-mail address", () => {
  it("is the same in JavaScript and in the database for every character both know", async () => {
    const characters = await sharedCharacters();
    expect(characters.length).toBeGreaterThan(100_000);
    expect(await differences(characters)).toEqual([]);
  });

  it("is the same for each capital A–Z followed by each combining mark, which may compose once lowered", async () => {
    const marks = (await sharedCharacters()).filter((c) => /\p{M}/u.test(c));
    const texts = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"].flatMap((letter) =>
      marks.map((mark) => `${letter}${mark}`),
    );
    expect(await differences(texts)).toEqual([]);
    // J with a caron has a precomposed small letter only.
    expect(normalizeEmail("J\u030c@test.example")).toBe("\u01f0@test.example");
  });

  it("folds what is one address and keeps apart what is another", () => {
    expect(normalizeEmail("Sanne.DeVries@Wijkteam.example")).toBe("sanne.devries@wijkteam.example");
    // Fullwidth letters, the Kelvin sign and a ligature are compatibility forms of ASCII.
    expect(normalizeEmail("ｓａｎｎｅ@ＴＥＳＴ.example")).toBe("sanne@test.example");
    expect(normalizeEmail("\u212aees@test.example")).toBe("kees@test.example");
    expect(normalizeEmail("\ufb01ona@test.example")).toBe("fiona@test.example");
    // Letters outside A–Z keep their case: their lower case differs between libraries.
    expect(normalizeEmail("İnge@test.example")).toBe("İnge@test.example");
    expect(normalizeEmail("JOSÉ@test.example")).toBe("josÉ@test.example");
    for (const address of ["Ｊ\u030cosé@TEST.example", "ǅ@x", "ﬃ@x", "e\u0301@x"]) {
      expect(normalizeEmail(normalizeEmail(address))).toBe(normalizeEmail(address));
    }
  });

  it("is the only form the database stores, and one account per form", async () => {
    const db = await database();
    const organizationId = await buildOrganization();
    const insert = (email: string) =>
      db.query(
        `INSERT INTO app_user (organization_id, email, name, password_hash, roles)
         VALUES ($1, $2, 'Test Medewerker', 'x', '{MEDEWERKER}')`,
        [organizationId, email],
      );
    const word = uniqueWord();
    await expect(insert(`${word.toUpperCase()}@test.example`)).rejects.toMatchObject({
      code: "23514",
      constraint: "app_user_email_normalized",
    });
    await expect(insert(`ｋ${word}@test.example`)).rejects.toMatchObject({ code: "23514" });
    const user = await buildUser({ email: `k${word}@test.example` });
    await expect(insert(user.email)).rejects.toMatchObject({
      code: "23505",
      constraint: "app_user_email_key",
    });
  });
});
