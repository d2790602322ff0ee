// A chair who joins through a chair invitation signs the independence declaration as part of
// accepting; vouching for a person is the act of their party's contact, recorded as theirs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeAccount, makeTable } from "../../test/factories.ts";
import { activityOf } from "./activity.ts";
import { chairDeclarations, chairStanding } from "./chair.ts";
import { acceptInvitation, changeRole, createInvitation } from "./commands.ts";
import { setPartyContact, vouchForMember } from "./members.ts";
import { addParty } from "./parties.ts";
import { tableForMember } from "./queries.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

const now = new Date("2026-06-01T10:00:00Z");
const codeOf = (work: Promise<unknown>) =>
  work.then(
    () => "done",
    (error: { code?: string }) => error.code ?? String(error),
  );

describe("accepting a chair invitation", () => {
  it("is refused without the signed declaration or with political office, and places nobody", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    const invitation = await createInvitation(t.db, facilitator.accountId, { tableId, role: "chair" }, now);
    const lotte = await makeAccount(t.db, { pseudonym: "Lotte" });
    expect(await codeOf(acceptInvitation(t.db, lotte.id, { token: invitation.token }, now))).toBe("CHAIR_DECLARATION_NOT_SIGNED");
    expect(
      await codeOf(
        acceptInvitation(
          t.db,
          lotte.id,
          { token: invitation.token, declaration: { signed: false, holdsPoliticalOffice: false, declaredTies: "" } },
          now,
        ),
      ),
    ).toBe("CHAIR_DECLARATION_NOT_SIGNED");
    expect(
      await codeOf(
        acceptInvitation(
          t.db,
          lotte.id,
          { token: invitation.token, declaration: { signed: true, holdsPoliticalOffice: true, declaredTies: "" } },
          now,
        ),
      ),
    ).toBe("CHAIR_HOLDS_OFFICE");
    expect(await t.db.membership.count({ where: { tableId, accountId: lotte.id } })).toBe(0);
    expect((await t.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).usedAt).toBeNull();
    expect(await t.db.chairDeclaration.count({ where: { tableId } })).toBe(0);
  });

  it("with the signed declaration places the chair declared, with the facilitator who invited them as appointer", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    await t.db.account.update({ where: { id: facilitator.accountId }, data: { pseudonym: "Noor" } });
    const invitation = await createInvitation(t.db, facilitator.accountId, { tableId, role: "chair" }, now);
    const lotte = await makeAccount(t.db, { pseudonym: "Lotte" });
    await acceptInvitation(
      t.db,
      lotte.id,
      { token: invitation.token, declaration: { signed: true, holdsPoliticalOffice: false, declaredTies: "Geen banden" } },
      now,
    );
    expect(await chairStanding(t.db, tableId)).toEqual({ declared: true });
    expect(await chairDeclarations(t.db, tableId)).toEqual([
      expect.objectContaining({
        pseudonym: "Lotte",
        declaration: { signedAt: now, declaredTies: "Geen banden", appointer: { kind: "member", pseudonym: "Noor" } },
      }),
    ]);
    const log = await activityOf(t.db, facilitator.accountId, tableId);
    expect(log.filter((e) => e.actor === "Lotte").map((e) => e.action)).toEqual(["membership.joined", "chair.declared"]);
  });

  it("needs nothing of the kind for other roles", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    const invitation = await createInvitation(t.db, facilitator.accountId, { tableId, role: "observer" }, now);
    const iris = await makeAccount(t.db);
    expect(await codeOf(acceptInvitation(t.db, iris.id, { token: invitation.token }, now))).toBe("done");
    expect(await t.db.chairDeclaration.count({ where: { tableId } })).toBe(0);
  });
});

/** A table with a sex worker organisation, two of its delegates, a police delegate and an observer. */
async function vouchingTable() {
  const table = await makeTable(t.db, ["delegate", "delegate", "delegate", "observer"]);
  const [contact, newcomer, police, observer] = table.members;
  if (!contact || !newcomer || !police || !observer) throw new Error("members missing");
  const f = table.facilitator.accountId;
  const rll = await addParty(t.db, f, table.tableId, { type: "sex_worker_organisation", name: "Rode Lantaarn" }, now);
  const politie = await addParty(t.db, f, table.tableId, { type: "police", name: "Politie" }, now);
  await t.db.membership.update({ where: { id: contact.membershipId }, data: { partyId: rll.id } });
  await t.db.membership.update({ where: { id: newcomer.membershipId }, data: { partyId: rll.id } });
  await t.db.membership.update({ where: { id: police.membershipId }, data: { partyId: politie.id } });
  await t.db.account.update({ where: { id: contact.accountId }, data: { pseudonym: "Saffier" } });
  await t.db.account.update({ where: { id: newcomer.accountId }, data: { pseudonym: "Robijn" } });
  return { ...table, contact, newcomer, police, observer, rll, politie };
}

describe("vouching", () => {
  it("is the party contact's act: the facilitator marks the contact, the contact vouches, and the log says it for the party", async () => {
    const s = await vouchingTable();
    const vouch = (accountId: string, membershipId = s.newcomer.membershipId) =>
      codeOf(vouchForMember(t.db, accountId, { tableId: s.tableId, membershipId }, now));
    // Not a tick the facilitator sets, nor something any delegate can do.
    expect(await vouch(s.facilitator.accountId)).toBe("FORBIDDEN");
    expect(await vouch(s.contact.accountId)).toBe("FORBIDDEN");
    expect(
      await codeOf(
        setPartyContact(t.db, s.contact.accountId, { tableId: s.tableId, membershipId: s.contact.membershipId, contact: true }, now),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(
        setPartyContact(t.db, s.facilitator.accountId, { tableId: s.tableId, membershipId: s.observer.membershipId, contact: true }, now),
      ),
    ).toBe("NOT_A_PARTY_DELEGATE");
    await setPartyContact(t.db, s.facilitator.accountId, { tableId: s.tableId, membershipId: s.contact.membershipId, contact: true }, now);

    // The contact vouches for their own party's people only, once, and never for themselves.
    expect(await vouch(s.contact.accountId, s.police.membershipId)).toBe("FORBIDDEN");
    expect(await vouch(s.contact.accountId, s.contact.membershipId)).toBe("FORBIDDEN");
    expect(await vouch(s.police.accountId)).toBe("FORBIDDEN");
    expect(await vouch(s.contact.accountId)).toBe("done");
    expect(await vouch(s.contact.accountId)).toBe("ALREADY_VOUCHED");
    expect(await t.db.membership.findUniqueOrThrow({ where: { id: s.newcomer.membershipId } })).toMatchObject({
      vouchedByPartyId: s.rll.id,
      vouchedBy: s.contact.membershipId,
      vouchedAt: now,
    });
    const page = await tableForMember(t.db, s.observer.accountId, s.tableId);
    expect(page.members.find((m) => m.membershipId === s.newcomer.membershipId)?.vouchedByPartyId).toBe(s.rll.id);
    expect(page.members.find((m) => m.membershipId === s.contact.membershipId)?.partyContact).toBe(true);

    const log = await activityOf(t.db, s.observer.accountId, s.tableId);
    expect(log.find((e) => e.action === "membership.vouched")).toMatchObject({
      actor: null,
      spokenAs: { kind: "party", name: "Rode Lantaarn" },
      subject: { pseudonym: "Robijn" },
      detail: { party: "Rode Lantaarn" },
    });
    expect(log.find((e) => e.action === "membership.contact_changed")).toMatchObject({
      subject: { pseudonym: "Saffier" },
      detail: { party: "Rode Lantaarn", contact: true },
    });
  });

  it("ends being the contact when the delegate changes party or role", async () => {
    const s = await vouchingTable();
    await setPartyContact(t.db, s.facilitator.accountId, { tableId: s.tableId, membershipId: s.contact.membershipId, contact: true }, now);
    await changeRole(
      t.db,
      s.facilitator.accountId,
      { tableId: s.tableId, membershipId: s.contact.membershipId, role: "delegate", partyId: s.politie.id },
      now,
    );
    expect((await t.db.membership.findUniqueOrThrow({ where: { id: s.contact.membershipId } })).partyContact).toBe(false);
    expect(await codeOf(vouchForMember(t.db, s.contact.accountId, { tableId: s.tableId, membershipId: s.police.membershipId }, now))).toBe(
      "FORBIDDEN",
    );
  });
});
