import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeAccount, makeTable } from "../../test/factories.ts";
import { giveConsent, withdrawConsent } from "../identity/consent.ts";
import { createInvitation } from "./commands.ts";
import { addParty } from "./parties.ts";
import { openInvitations, tableForMember, tablesOf } from "./queries.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

describe("reading a table", () => {
  it("shows members the table with everyone's pseudonym and role, and no sign-in names", async () => {
    const { tableId, facilitator, members } = await makeTable(t.db, ["observer"]);
    const observer = members[0]?.accountId ?? "";
    const view = await tableForMember(t.db, observer, tableId);
    expect(view).toMatchObject({ id: tableId, title: "Tafel Lindendam", myRole: "observer", myMembershipId: members[0]?.membershipId });
    expect(view.members.map((member) => member.role)).toEqual(["facilitator", "observer"]);
    expect(view.members.map((member) => member.membershipId)).toEqual([facilitator.membershipId, members[0]?.membershipId]);
    const signInNames = await t.db.account.findMany({
      where: { id: { in: [facilitator.accountId, observer] } },
      select: { signInName: true },
    });
    for (const { signInName } of signInNames) expect(JSON.stringify(view)).not.toContain(signInName);
  });

  it("lists someone who withdrew being listed as a participant, except to the facilitator and themselves", async () => {
    const { tableId, facilitator, members } = await makeTable(t.db, ["observer", "delegate"]);
    const [quiet, other] = members.map((m) => m.accountId) as [string, string];
    await withdrawConsent(t.db, quiet, "listed_by_pseudonym");
    const { pseudonym } = await t.db.account.findUniqueOrThrow({ where: { id: quiet } });
    const entry = async (viewer: string) => (await tableForMember(t.db, viewer, tableId)).members.find((m) => m.role === "observer");
    expect(await entry(other)).toMatchObject({ pseudonym: "", hidden: true });
    expect(JSON.stringify(await tableForMember(t.db, other, tableId))).not.toContain(pseudonym);
    expect(await entry(facilitator.accountId)).toMatchObject({ pseudonym, hidden: false });
    expect(await entry(quiet)).toMatchObject({ pseudonym, hidden: false });
    // Agreeing again lists them again.
    await t.db.$transaction((tx) => giveConsent(tx, quiet, "listed_by_pseudonym"));
    expect(await entry(other)).toMatchObject({ pseudonym, hidden: false });
  });

  it("answers non-members exactly as for a table that does not exist, so ids cannot be probed", async () => {
    const { tableId } = await makeTable(t.db);
    const outsider = await makeAccount(t.db);
    const errors = await Promise.all(
      [tableId, "00000000-0000-4000-8000-000000000000", "not-a-table-id"].map((id) =>
        tableForMember(t.db, outsider.id, id).then(
          () => null,
          (error: { code?: string; details?: unknown; message?: string }) => ({
            code: error.code,
            details: error.details,
            message: error.message,
          }),
        ),
      ),
    );
    expect(errors).toEqual([
      { code: "NOT_FOUND", details: {}, message: "NOT_FOUND" },
      { code: "NOT_FOUND", details: {}, message: "NOT_FOUND" },
      { code: "NOT_FOUND", details: {}, message: "NOT_FOUND" },
    ]);
  });

  it("lists only the tables a person sits at, newest first, with their role", async () => {
    const person = await makeAccount(t.db);
    const older = await makeTable(t.db, [], "Oudere tafel");
    const newer = await makeTable(t.db, [], "Nieuwere tafel");
    await makeTable(t.db, [], "Andermans tafel");
    await t.db.table.update({ where: { id: older.tableId }, data: { createdAt: new Date("2026-01-01T00:00:00Z") } });
    await t.db.table.update({ where: { id: newer.tableId }, data: { createdAt: new Date("2026-02-01T00:00:00Z") } });
    await t.db.membership.create({ data: { tableId: older.tableId, accountId: person.id, role: "delegate" } });
    await t.db.membership.create({ data: { tableId: newer.tableId, accountId: person.id, role: "treasurer" } });
    expect((await tablesOf(t.db, person.id)).map(({ title, role }) => ({ title, role }))).toEqual([
      { title: "Nieuwere tafel", role: "treasurer" },
      { title: "Oudere tafel", role: "delegate" },
    ]);
  });

  it("shows open invitations to facilitators only, without tokens and without used or expired ones", async () => {
    const { tableId, facilitator, members } = await makeTable(t.db, ["chair"]);
    const now = new Date("2026-06-01T10:00:00Z");
    const party = await addParty(t.db, facilitator.accountId, tableId, {
      type: "sex_worker_organisation",
      name: "Stichting Rode Lantaarn",
    });
    const open = await createInvitation(t.db, facilitator.accountId, { tableId, role: "delegate", validDays: 7, partyId: party.id }, now);
    await createInvitation(t.db, facilitator.accountId, { tableId, role: "observer", validDays: 1 }, now);
    const list = await openInvitations(t.db, facilitator.accountId, tableId, new Date(now.getTime() + 2 * 86_400_000));
    expect(list.map((invitation) => invitation.id)).toEqual([open.id]);
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(["createdAt", "expiresAt", "id", "party", "role", "vouched"]);
    expect(list[0]).toMatchObject({ party: "Stichting Rode Lantaarn", vouched: false });
    await expect(openInvitations(t.db, members[0]?.accountId ?? "", tableId, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
