import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeAccount, makeTable } from "../../test/factories.ts";
import { docAccess } from "../docs/access.ts";
import { activityOf } from "./activity.ts";
import { appointChair, chairDeclarations } from "./chair.ts";
import { acceptInvitation, changeRole, createInvitation } from "./commands.ts";
import { municipalitiesVisibleTo } from "./governance-map.ts";
import { leaveTable, readmitMember, removedMembers, removeMember } from "./members.ts";
import { addParty, listParties } from "./parties.ts";
import { membershipOf, tableForMember, tablesOf } from "./queries.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

/** A table with parties and a delegate of RLL, who will leave or be removed. */
async function tableWithDelegate() {
  const table = await makeTable(t.db, ["facilitator"]);
  const [otherFacilitator] = table.members;
  const rll = await addParty(t.db, table.facilitator.accountId, table.tableId, { type: "sex_worker_organisation", name: "RLL" });
  const delegate = await makeAccount(t.db, { pseudonym: "Saffier" });
  const membership = await t.db.membership.create({
    data: { tableId: table.tableId, accountId: delegate.id, role: "delegate", partyId: rll.id },
    select: { id: true },
  });
  await t.db.table.update({ where: { id: table.tableId }, data: { municipality: `Lindendam-${table.tableId.slice(0, 6)}` } });
  return { ...table, otherFacilitator, rll, delegate, membershipId: membership.id };
}

async function errorOf(promise: Promise<unknown>): Promise<string | null> {
  return promise.then(
    () => null,
    (error: { code?: string }) => error.code ?? String(error),
  );
}

describe("leaving a table", () => {
  it("ends the membership softly: the row stays, the person is no member anywhere that asks", async () => {
    const table = await tableWithDelegate();
    const before = new Date("2026-05-01T10:00:00Z");
    await leaveTable(t.db, table.delegate.id, table.tableId, before);

    const row = await t.db.membership.findUniqueOrThrow({ where: { id: table.membershipId } });
    expect(row).toMatchObject({ leftAt: before, removedBy: null, role: "delegate", partyId: table.rll.id });
    expect(await membershipOf(t.db, table.delegate.id, table.tableId)).toBeNull();
    expect(await errorOf(tableForMember(t.db, table.delegate.id, table.tableId))).toBe("NOT_FOUND");
    expect(await tablesOf(t.db, table.delegate.id)).toEqual([]);
    expect(await docAccess(t.db, table.delegate.id, `notes:${table.tableId}`)).toBe("none");
    expect(await municipalitiesVisibleTo(t.db, table.delegate.id)).not.toContain(`Lindendam-${table.tableId.slice(0, 6)}`);
    // Members no longer see them, nor count them for their party.
    const view = await tableForMember(t.db, table.facilitator.accountId, table.tableId);
    expect(view.members.map((m) => m.membershipId)).not.toContain(table.membershipId);
    expect((await listParties(t.db, table.tableId)).find((p) => p.id === table.rll.id)?._count.memberships).toBe(0);
  });

  it("is recorded by ids only, and the activity log shows a former member", async () => {
    const table = await tableWithDelegate();
    await leaveTable(t.db, table.delegate.id, table.tableId);
    const events = await t.db.auditEvent.findMany({ where: { tableId: table.tableId, action: "membership.left" } });
    expect(events.map((e) => e.data)).toEqual([{ by: table.membershipId, membership: table.membershipId, role: "delegate" }]);
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain("Saffier");
    const log = await activityOf(t.db, table.facilitator.accountId, table.tableId);
    const left = log.find((entry) => entry.action === "membership.left");
    expect(left).toMatchObject({ actor: null, formerMember: true });
    expect(JSON.stringify(log)).not.toContain("Saffier");
  });

  it("keeps the last facilitator at the table, and lets one of two go", async () => {
    const table = await makeTable(t.db);
    expect(await errorOf(leaveTable(t.db, table.facilitator.accountId, table.tableId))).toBe("LAST_FACILITATOR");
    const two = await makeTable(t.db, ["facilitator"]);
    await leaveTable(t.db, two.facilitator.accountId, two.tableId);
    // The one who stays is now the last: they can no longer leave, nor be demoted.
    const [remaining] = two.members;
    expect(await errorOf(leaveTable(t.db, remaining?.accountId ?? "", two.tableId))).toBe("LAST_FACILITATOR");
    expect(
      await errorOf(
        changeRole(t.db, remaining?.accountId ?? "", {
          tableId: two.tableId,
          membershipId: remaining?.membershipId ?? "",
          role: "observer",
          reason: "x",
        }),
      ),
    ).toBe("LAST_FACILITATOR");
  });

  it("is possible from a closed table, and only once", async () => {
    const table = await tableWithDelegate();
    await t.db.table.update({ where: { id: table.tableId }, data: { status: "closed" } });
    await leaveTable(t.db, table.delegate.id, table.tableId);
    expect(await errorOf(leaveTable(t.db, table.delegate.id, table.tableId))).toBe("NOT_FOUND");
  });

  it("can be undone by a new invitation, which takes up the old membership again", async () => {
    const table = await tableWithDelegate();
    await leaveTable(t.db, table.delegate.id, table.tableId);
    const invitation = await createInvitation(t.db, table.facilitator.accountId, {
      tableId: table.tableId,
      role: "observer",
      validDays: 7,
      partyId: "",
      vouched: false,
    });
    const back = await acceptInvitation(t.db, table.delegate.id, { token: invitation.token });
    expect(back.id).toBe(table.membershipId);
    expect(await membershipOf(t.db, table.delegate.id, table.tableId)).toMatchObject({
      id: table.membershipId,
      role: "observer",
      partyId: null,
    });
    const joined = await t.db.auditEvent.findFirstOrThrow({ where: { tableId: table.tableId, action: "membership.joined" } });
    expect(joined.data).toMatchObject({ membership: table.membershipId, rejoined: true });
    expect(await t.db.membership.count({ where: { tableId: table.tableId, accountId: table.delegate.id } })).toBe(1);
  });
});

describe("removing a member", () => {
  it("is the facilitator's: the person loses access at once, the removal is recorded with who did it", async () => {
    const table = await tableWithDelegate();
    expect(
      await errorOf(removeMember(t.db, table.delegate.id, { tableId: table.tableId, membershipId: table.facilitator.membershipId })),
    ).toBe("FORBIDDEN");
    await removeMember(t.db, table.facilitator.accountId, { tableId: table.tableId, membershipId: table.membershipId });
    const row = await t.db.membership.findUniqueOrThrow({ where: { id: table.membershipId } });
    expect(row.leftAt).not.toBeNull();
    expect(row.removedBy).toBe(table.facilitator.membershipId);
    expect(await membershipOf(t.db, table.delegate.id, table.tableId)).toBeNull();
    const events = await t.db.auditEvent.findMany({ where: { tableId: table.tableId, action: "membership.removed" } });
    expect(events.map((e) => e.data)).toEqual([{ by: table.facilitator.membershipId, membership: table.membershipId, role: "delegate" }]);
    const log = await activityOf(t.db, table.facilitator.accountId, table.tableId);
    const removed = log.find((entry) => entry.action === "membership.removed");
    expect(removed?.subject).toEqual({ pseudonym: null });
    expect(removed?.actor).not.toBeNull();
  });

  it("refuses to remove oneself, someone already gone, someone of another table, or the last facilitator", async () => {
    const table = await tableWithDelegate();
    const other = await tableWithDelegate();
    const remove = (membershipId: string, by = table.facilitator.accountId) =>
      errorOf(removeMember(t.db, by, { tableId: table.tableId, membershipId }));
    expect(await remove(table.facilitator.membershipId)).toBe("FORBIDDEN");
    expect(await remove(other.membershipId)).toBe("NOT_FOUND");
    expect(await remove("not-a-uuid")).toBe("NOT_FOUND");
    await removeMember(t.db, table.facilitator.accountId, {
      tableId: table.tableId,
      membershipId: table.otherFacilitator?.membershipId ?? "",
    });
    expect(await remove(table.otherFacilitator?.membershipId ?? "")).toBe("NOT_FOUND");
    // The removed facilitator cannot act any more, and the one left cannot be removed by anyone.
    expect(await remove(table.membershipId, table.otherFacilitator?.accountId)).toBe("NOT_FOUND");
    const stillMembers = await t.db.membership.count({ where: { tableId: table.tableId, leftAt: null } });
    expect(stillMembers).toBe(2);
  });

  it("keeps a removed person out of invitations until the facilitator lets them back in", async () => {
    const table = await tableWithDelegate();
    await removeMember(t.db, table.facilitator.accountId, { tableId: table.tableId, membershipId: table.membershipId });
    const invitation = await createInvitation(t.db, table.facilitator.accountId, {
      tableId: table.tableId,
      role: "delegate",
      validDays: 7,
      partyId: table.rll.id,
      vouched: false,
    });
    expect(await errorOf(acceptInvitation(t.db, table.delegate.id, { token: invitation.token }))).toBe("REMOVED_FROM_TABLE");
    // The link stays unused for whoever it was meant for.
    expect((await t.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).usedAt).toBeNull();

    expect((await removedMembers(t.db, table.facilitator.accountId, table.tableId)).map((m) => m.pseudonym)).toEqual(["Saffier"]);
    expect(await errorOf(removedMembers(t.db, table.otherFacilitator?.accountId ?? "", table.tableId))).toBeNull();
    await readmitMember(t.db, table.facilitator.accountId, { tableId: table.tableId, membershipId: table.membershipId });
    expect(await membershipOf(t.db, table.delegate.id, table.tableId)).toMatchObject({ role: "delegate", partyId: table.rll.id });
    expect(await removedMembers(t.db, table.facilitator.accountId, table.tableId)).toEqual([]);
    expect(await t.db.auditEvent.count({ where: { tableId: table.tableId, action: "membership.readmitted" } })).toBe(1);
  });

  it("does not readmit someone who left by their own choice", async () => {
    const table = await tableWithDelegate();
    await leaveTable(t.db, table.delegate.id, table.tableId);
    expect(
      await errorOf(readmitMember(t.db, table.facilitator.accountId, { tableId: table.tableId, membershipId: table.membershipId })),
    ).toBe("NOT_FOUND");
    expect(await removedMembers(t.db, table.facilitator.accountId, table.tableId)).toEqual([]);
  });

  it("of the chair leaves the table without a chair, and an appointer who left shows as former", async () => {
    const table = await makeTable(t.db, ["facilitator", "secretary"]);
    const [second, secretary] = table.members;
    await appointChair(t.db, second?.accountId ?? "", table.tableId, {
      membershipId: secretary?.membershipId ?? "",
      holdsPoliticalOffice: false,
    });
    await leaveTable(t.db, second?.accountId ?? "", table.tableId);
    expect((await chairDeclarations(t.db, table.tableId))[0]?.declaration?.appointer).toEqual({ kind: "former" });
    await removeMember(t.db, table.facilitator.accountId, { tableId: table.tableId, membershipId: secretary?.membershipId ?? "" });
    expect(await chairDeclarations(t.db, table.tableId)).toEqual([]);
  });
});

describe("memberships are never deleted with their account or table", () => {
  it("refuses to delete an account or a table that has memberships", async () => {
    const table = await tableWithDelegate();
    await expect(t.db.account.delete({ where: { id: table.delegate.id } })).rejects.toThrow();
    await expect(t.db.table.delete({ where: { id: table.tableId } })).rejects.toThrow();
    expect(await t.db.membership.count({ where: { id: table.membershipId } })).toBe(1);
  });
});
