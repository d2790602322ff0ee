import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeAccount, makeTable } from "../../test/factories.ts";
import {
  acceptInvitation,
  changeRole,
  createInvitation,
  createTable,
  hashInvitationToken,
  inspectInvitation,
  revokeInvitation,
} from "./commands.ts";

const DAY = 86_400_000;
const now = new Date("2026-06-01T10:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

/** Rows that accepting or refusing an invitation could touch. */
async function snapshot(tableId: string) {
  const [memberships, invitations, audit] = await Promise.all([
    t.db.membership.findMany({ where: { tableId }, select: { id: true, accountId: true, role: true }, orderBy: { id: "asc" } }),
    t.db.invitation.findMany({
      where: { tableId },
      select: { id: true, usedAt: true, usedByMembership: true, revokedAt: true },
      orderBy: { id: "asc" },
    }),
    t.db.auditEvent.count({ where: { tableId } }),
  ]);
  return { memberships, invitations, audit };
}

async function roleOf(membershipId: string) {
  return (await t.db.membership.findUniqueOrThrow({ where: { id: membershipId }, select: { role: true } })).role;
}

describe("creating a table", () => {
  it("makes the creator its facilitator and records it", async () => {
    const account = await makeAccount(t.db);
    const table = await createTable(t.db, account.id, { title: "  Tafel Lindendam  " }, now);
    const stored = await t.db.table.findUniqueOrThrow({ where: { id: table.id }, include: { memberships: true } });
    expect(stored.title).toBe("Tafel Lindendam");
    expect(stored.memberships).toEqual([expect.objectContaining({ accountId: account.id, role: "facilitator" })]);
    const events = await t.db.auditEvent.findMany({ where: { tableId: table.id }, select: { action: true, data: true } });
    expect(events).toEqual([{ action: "table.created", data: { by: stored.memberships[0]?.id } }]);
  });

  it("refuses a missing, too short or too long title with TABLE_TITLE_INVALID and creates nothing", async () => {
    const account = await makeAccount(t.db);
    const before = { tables: await t.db.table.count(), memberships: await t.db.membership.count() };
    for (const title of [undefined, 42, "", "  ab  ", "x".repeat(121)]) {
      await expect(createTable(t.db, account.id, { title }), String(title)).rejects.toMatchObject({
        code: "TABLE_TITLE_INVALID",
        details: { field: "title" },
      });
    }
    expect({ tables: await t.db.table.count(), memberships: await t.db.membership.count() }).toEqual(before);
  });

  it("is for signed-in people only: an account that does not exist convenes nothing", async () => {
    const before = await t.db.table.count();
    for (const accountId of ["00000000-0000-4000-8000-000000000000", "not-an-id"]) {
      await expect(createTable(t.db, accountId, { title: "Tafel Lindendam" }), accountId).rejects.toMatchObject({ code: "NOT_SIGNED_IN" });
    }
    expect(await t.db.table.count()).toBe(before);
  });
});

describe("invitations", () => {
  it("are created by a facilitator; only a hash of the token is stored", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    const invitation = await createInvitation(t.db, facilitator.accountId, { tableId, role: "delegate", validDays: 3 }, now);
    expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invitation.expiresAt).toEqual(later(3 * DAY));
    const row = await t.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).toBe(hashInvitationToken(invitation.token));
    expect(row.tokenHash).not.toContain(invitation.token);
    const audit = await t.db.auditEvent.findMany({ where: { tableId }, select: { action: true, data: true } });
    const stored = JSON.stringify({ row, audit });
    expect(stored).not.toContain(invitation.token);
    expect(audit.map((event) => event.action)).toContain("invitation.created");
  });

  it("place the account that accepts at the table with the invited role", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    const { token, id } = await createInvitation(t.db, facilitator.accountId, { tableId, role: "secretary" }, now);
    const guest = await makeAccount(t.db);
    expect(await inspectInvitation(t.db, token, later(DAY))).toMatchObject({ tableId, tableTitle: "Tafel Lindendam", role: "secretary" });
    const membership = await acceptInvitation(t.db, guest.id, { token, tableId }, later(DAY));
    expect(membership).toMatchObject({ tableId, role: "secretary" });
    expect(await t.db.membership.findUniqueOrThrow({ where: { tableId_accountId: { tableId, accountId: guest.id } } })).toMatchObject({
      id: membership.id,
      role: "secretary",
    });
    expect(await t.db.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      usedAt: later(DAY),
      usedByMembership: membership.id,
    });
    const joined = await t.db.auditEvent.findFirst({ where: { tableId, action: "membership.joined" }, select: { data: true } });
    expect(joined?.data).toEqual({ membership: membership.id, role: "secretary", invitation: id });
  });

  it("last seven days unless said otherwise, and no longer than that", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    const { token, expiresAt } = await createInvitation(t.db, facilitator.accountId, { tableId, role: "observer" }, now);
    expect(expiresAt).toEqual(later(7 * DAY));
    const guest = await makeAccount(t.db);
    const before = await snapshot(tableId);
    await expect(acceptInvitation(t.db, guest.id, { token }, later(7 * DAY))).rejects.toMatchObject({ code: "INVITATION_EXPIRED" });
    await expect(acceptInvitation(t.db, guest.id, { token }, later(30 * DAY))).rejects.toMatchObject({ code: "INVITATION_EXPIRED" });
    expect(await snapshot(tableId)).toEqual(before);
    await expect(acceptInvitation(t.db, guest.id, { token }, later(7 * DAY - 1))).resolves.toMatchObject({ role: "observer" });
  });

  it("work only once: a second person gets INVITATION_USED and nothing changes", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    const { token } = await createInvitation(t.db, facilitator.accountId, { tableId, role: "delegate" }, now);
    const first = await makeAccount(t.db);
    const second = await makeAccount(t.db);
    await acceptInvitation(t.db, first.id, { token }, now);
    const before = await snapshot(tableId);
    await expect(acceptInvitation(t.db, second.id, { token }, now)).rejects.toMatchObject({ code: "INVITATION_USED" });
    await expect(acceptInvitation(t.db, first.id, { token }, now)).rejects.toMatchObject({ code: "INVITATION_USED" });
    expect(await snapshot(tableId)).toEqual(before);
  });

  it("accepted by two people at the same moment seat exactly one of them", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    const { token } = await createInvitation(t.db, facilitator.accountId, { tableId, role: "delegate" }, now);
    const a = await makeAccount(t.db);
    const b = await makeAccount(t.db);
    const results = await Promise.allSettled([acceptInvitation(t.db, a.id, { token }, now), acceptInvitation(t.db, b.id, { token }, now)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: "INVITATION_USED" });
    expect(await t.db.membership.count({ where: { tableId, accountId: { in: [a.id, b.id] } } })).toBe(1);
  });

  it("stop working once revoked: INVITATION_REVOKED and nothing changes", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    const { token, id } = await createInvitation(t.db, facilitator.accountId, { tableId, role: "chair" }, now);
    await revokeInvitation(t.db, facilitator.accountId, { tableId, invitationId: id }, later(1000));
    const guest = await makeAccount(t.db);
    const before = await snapshot(tableId);
    await expect(acceptInvitation(t.db, guest.id, { token }, later(2000))).rejects.toMatchObject({ code: "INVITATION_REVOKED" });
    expect(await snapshot(tableId)).toEqual(before);
    // A used or revoked invitation cannot be revoked (again).
    await expect(revokeInvitation(t.db, facilitator.accountId, { tableId, invitationId: id }, later(3000))).rejects.toMatchObject({
      code: "INVITATION_INVALID",
    });
  });

  it("opened under another table's address give INVITATION_WRONG_TABLE and change nothing", async () => {
    const one = await makeTable(t.db);
    const other = await makeTable(t.db);
    const { token } = await createInvitation(t.db, one.facilitator.accountId, { tableId: one.tableId, role: "delegate" }, now);
    const guest = await makeAccount(t.db);
    const before = await snapshot(one.tableId);
    await expect(acceptInvitation(t.db, guest.id, { token, tableId: other.tableId }, now)).rejects.toMatchObject({
      code: "INVITATION_WRONG_TABLE",
    });
    expect(await snapshot(one.tableId)).toEqual(before);
    expect(await t.db.membership.count({ where: { accountId: guest.id } })).toBe(0);
  });

  it("with an unknown or malformed token give INVITATION_INVALID", async () => {
    const guest = await makeAccount(t.db);
    await expect(acceptInvitation(t.db, guest.id, { token: "A".repeat(43) }, now)).rejects.toMatchObject({ code: "INVITATION_INVALID" });
    await expect(acceptInvitation(t.db, guest.id, { token: "short" }, now)).rejects.toMatchObject({ code: "INVITATION_INVALID" });
  });

  it("cannot seat someone who is already at the table; the invitation stays usable for someone else", async () => {
    const { tableId, facilitator, members } = await makeTable(t.db, ["delegate"]);
    const { token, id } = await createInvitation(t.db, facilitator.accountId, { tableId, role: "chair" }, now);
    const before = await snapshot(tableId);
    // A chair signs the independence declaration as part of accepting.
    const declaration = { signed: true, holdsPoliticalOffice: false, declaredTies: "" };
    await expect(acceptInvitation(t.db, facilitator.accountId, { token, declaration }, now)).rejects.toMatchObject({
      code: "ALREADY_MEMBER",
    });
    await expect(acceptInvitation(t.db, members[0]?.accountId ?? "", { token, declaration }, now)).rejects.toMatchObject({
      code: "ALREADY_MEMBER",
    });
    expect(await snapshot(tableId)).toEqual(before);
    expect(await roleOf(members[0]?.membershipId ?? "")).toBe("delegate");
    const newcomer = await makeAccount(t.db);
    await expect(acceptInvitation(t.db, newcomer.id, { token, declaration }, now)).resolves.toMatchObject({ role: "chair" });
    expect((await t.db.invitation.findUniqueOrThrow({ where: { id } })).usedAt).toEqual(now);
  });

  it("cannot be created by members other than facilitators, nor by outsiders; nothing is created", async () => {
    const { tableId, members } = await makeTable(t.db, ["chair", "secretary", "delegate", "observer", "treasurer"]);
    const outsider = await makeAccount(t.db);
    const before = await snapshot(tableId);
    for (const member of members) {
      await expect(createInvitation(t.db, member.accountId, { tableId, role: "facilitator" }, now)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(createInvitation(t.db, outsider.id, { tableId, role: "facilitator" }, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot(tableId)).toEqual(before);
    expect(await t.db.invitation.count({ where: { tableId } })).toBe(0);
  });

  it("refuse a validity outside 1 to 30 days or an unknown role, creating nothing", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    for (const input of [
      { tableId, role: "delegate", validDays: 0 },
      { tableId, role: "delegate", validDays: 31 },
      { tableId, role: "king" },
      { tableId: "not-a-uuid", role: "delegate" },
    ]) {
      await expect(createInvitation(t.db, facilitator.accountId, input, now)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
    expect(await t.db.invitation.count({ where: { tableId } })).toBe(0);
  });
});

describe("changing roles", () => {
  it("is done by a facilitator and recorded with the old and the new role", async () => {
    const { tableId, facilitator, members } = await makeTable(t.db, ["delegate"]);
    const target = members[0]?.membershipId ?? "";
    await changeRole(t.db, facilitator.accountId, { tableId, membershipId: target, role: "secretary", reason: "rotatie" }, now);
    expect(await roleOf(target)).toBe("secretary");
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { tableId, action: "membership.role_changed" },
      select: { data: true, createdAt: true },
    });
    expect(event).toEqual({
      createdAt: now,
      data: { by: facilitator.membershipId, membership: target, from: "delegate", to: "secretary", reason: "rotatie" },
    });
  });

  it("is refused to members who are not facilitators and to outsiders; roles stay as they were", async () => {
    const { tableId, facilitator, members } = await makeTable(t.db, ["chair", "delegate"]);
    const [chair, delegate] = members;
    const outsider = await makeAccount(t.db);
    const before = await snapshot(tableId);
    for (const [accountId, code] of [
      [chair?.accountId ?? "", "FORBIDDEN"],
      [delegate?.accountId ?? "", "FORBIDDEN"],
      [outsider.id, "NOT_FOUND"],
    ]) {
      await expect(
        changeRole(t.db, accountId ?? "", { tableId, membershipId: delegate?.membershipId ?? "", role: "facilitator" }, now),
      ).rejects.toMatchObject({ code });
    }
    // Nor can a chair demote the facilitator.
    await expect(
      changeRole(t.db, chair?.accountId ?? "", { tableId, membershipId: facilitator.membershipId, role: "observer" }, now),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot(tableId)).toEqual(before);
  });

  it("never leaves a table without a facilitator", async () => {
    const { tableId, facilitator, members } = await makeTable(t.db, ["delegate"]);
    const before = await snapshot(tableId);
    await expect(
      changeRole(t.db, facilitator.accountId, { tableId, membershipId: facilitator.membershipId, role: "delegate" }, now),
    ).rejects.toMatchObject({ code: "LAST_FACILITATOR" });
    expect(await snapshot(tableId)).toEqual(before);
    // With a second facilitator, the first may step down.
    const second = members[0]?.membershipId ?? "";
    await changeRole(t.db, facilitator.accountId, { tableId, membershipId: second, role: "facilitator" }, now);
    await changeRole(t.db, facilitator.accountId, { tableId, membershipId: facilitator.membershipId, role: "delegate" }, now);
    expect(await roleOf(facilitator.membershipId)).toBe("delegate");
    expect(await roleOf(second)).toBe("facilitator");
  });

  it("keeps one facilitator when two facilitators demote each other at the same moment", async () => {
    const { tableId, facilitator, members } = await makeTable(t.db, ["facilitator"]);
    const other = members[0];
    const results = await Promise.allSettled([
      changeRole(t.db, facilitator.accountId, { tableId, membershipId: other?.membershipId ?? "", role: "delegate" }, now),
      changeRole(t.db, other?.accountId ?? "", { tableId, membershipId: facilitator.membershipId, role: "delegate" }, now),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    // The loser is refused either as the last facilitator or, already demoted, as no longer allowed.
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(["LAST_FACILITATOR", "FORBIDDEN"]).toContain(rejected.reason.code);
    expect(await t.db.membership.count({ where: { tableId, role: "facilitator" } })).toBe(1);
  });

  it("refuses a membership of another table as if it did not exist", async () => {
    const one = await makeTable(t.db);
    const other = await makeTable(t.db, ["delegate"]);
    const target = other.members[0]?.membershipId ?? "";
    await expect(
      changeRole(t.db, one.facilitator.accountId, { tableId: one.tableId, membershipId: target, role: "observer" }, now),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await roleOf(target)).toBe("delegate");
  });
});
