import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeTable } from "../../test/factories.ts";
import { activityOf } from "./activity.ts";
import { createInvitation } from "./commands.ts";
import { addParty } from "./parties.ts";
import { contactInvitationProblem } from "./policy.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

describe("an invitation from a party's contact", () => {
  const contact = { role: "delegate" as const, partyId: "p1", partyContact: true };
  it.each([
    ["the contact, a delegate of their own party", contact, { role: "delegate" as const, partyId: "p1" }, null],
    ["the contact, for another party", contact, { role: "delegate" as const, partyId: "p2" }, "FORBIDDEN"],
    ["the contact, for another role", contact, { role: "observer" as const, partyId: "p1" }, "FORBIDDEN"],
    ["the contact, without a party", contact, { role: "delegate" as const, partyId: null }, "FORBIDDEN"],
    ["a delegate who is not the contact", { ...contact, partyContact: false }, { role: "delegate" as const, partyId: "p1" }, "FORBIDDEN"],
    [
      "the chair",
      { role: "chair" as const, partyId: null, partyContact: false },
      { role: "delegate" as const, partyId: "p1" },
      "FORBIDDEN",
    ],
  ])("%s: %s", (_label, actor, invitation, expected) => {
    expect(contactInvitationProblem(actor, invitation as never)).toBe(expected);
  });

  it("lets the contact invite a new delegate of their own party, logged as the party's, and nothing else", async () => {
    const { tableId, facilitator, members } = await makeTable(t.db, ["delegate", "delegate", "observer"]);
    const [contactMember, colleague, observer] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
    const rll = await addParty(t.db, facilitator.accountId, tableId, { type: "sex_worker_organisation", name: "Stichting Rode Lantaarn" });
    const other = await addParty(t.db, facilitator.accountId, tableId, { type: "residents", name: "Bewoners" });
    await t.db.membership.update({ where: { id: contactMember.membershipId }, data: { partyId: rll.id, partyContact: true } });
    await t.db.membership.update({ where: { id: colleague.membershipId }, data: { partyId: rll.id } });

    const invitation = await createInvitation(t.db, contactMember.accountId, { tableId, role: "delegate", partyId: rll.id });
    expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const before = await t.db.invitation.count({ where: { tableId } });
    for (const [who, input] of [
      [contactMember.accountId, { tableId, role: "delegate", partyId: other.id }],
      [contactMember.accountId, { tableId, role: "chair", partyId: "" }],
      [colleague.accountId, { tableId, role: "delegate", partyId: rll.id }],
      [observer.accountId, { tableId, role: "delegate", partyId: rll.id }],
    ] as const) {
      await expect(createInvitation(t.db, who, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await t.db.invitation.count({ where: { tableId } })).toBe(before);

    const { pseudonym } = await t.db.account.findUniqueOrThrow({ where: { id: contactMember.accountId } });
    const log = await activityOf(t.db, observer.accountId, tableId);
    const created = log.find((e) => e.action === "invitation.created");
    expect(created?.spokenAs).toEqual({ kind: "party", name: "Stichting Rode Lantaarn" });
    expect(JSON.stringify(created)).not.toContain(pseudonym);
  });
});
