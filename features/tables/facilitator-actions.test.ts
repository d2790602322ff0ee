// The facilitator's actions, tried by everyone else: a member of the table learns that their role
// may not (FORBIDDEN), someone who is not at the table — a stranger, or a member who left — learns
// nothing about it (NOT_FOUND). Tried with this table's records and with another table's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeAccount, makeTable } from "../../test/factories.ts";
import { importStarterSet } from "../facts/starter-set.ts";
import { appointChair } from "./chair.ts";
import { changeRole, createInvitation, revokeInvitation } from "./commands.ts";
import { changeTableStatus, updateTableDetails } from "./details.ts";
import { readmitMember, removedMembers, removeMember, setPartyContact } from "./members.ts";
import type { Role } from "./model.ts";
import { addParty, updateParty } from "./parties.ts";
import { openInvitations } from "./queries.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

const now = new Date("2026-06-01T10:00:00Z");
const NON_FACILITATORS: Role[] = ["chair", "secretary", "delegate", "observer", "treasurer"];

async function setting() {
  const table = await makeTable(t.db, [...NON_FACILITATORS, "observer"]);
  const f = table.facilitator.accountId;
  const party = await addParty(t.db, f, table.tableId, { type: "police", name: "Politie" }, now);
  const delegate = table.members.find((m) => m.role === "delegate");
  if (delegate) await t.db.membership.update({ where: { id: delegate.membershipId }, data: { partyId: party.id } });
  const invitation = await createInvitation(t.db, f, { tableId: table.tableId, role: "observer" }, now);
  // One member the facilitator removed, one who left by themselves: neither is at the table now.
  const removed = table.members[5];
  if (!removed) throw new Error("member missing");
  await removeMember(t.db, f, { tableId: table.tableId, membershipId: removed.membershipId }, now);
  const other = await makeTable(t.db, ["observer"]);
  const foreignParty = await addParty(t.db, other.facilitator.accountId, other.tableId, { type: "residents", name: "Buren" }, now);
  return { ...table, party, invitation, removed, other, foreignParty };
}

type Setting = Awaited<ReturnType<typeof setting>>;

/** Every facilitator action, with this table's own records or another table's. */
function attempts(s: Setting, foreign: boolean): [string, (accountId: string) => Promise<unknown>][] {
  const target = foreign ? (s.other.members[0]?.membershipId ?? "") : (s.members.find((m) => m.role === "delegate")?.membershipId ?? "");
  const partyId = foreign ? s.foreignParty.id : s.party.id;
  const tableId = s.tableId;
  return [
    [
      "edit the table",
      (a) =>
        updateTableDetails(
          t.db,
          a,
          tableId,
          {
            title: "Andere titel",
            policyQuestion: "",
            municipality: "",
            region: "",
            languages: ["nl"],
            decisionRule: "all_or_most",
            publicSummary: false,
          },
          now,
        ),
    ],
    ["change the status", (a) => changeTableStatus(t.db, a, tableId, "paused", now)],
    ["invite", (a) => createInvitation(t.db, a, { tableId, role: "observer", partyId: foreign ? partyId : "" }, now)],
    ["see open invitations", (a) => openInvitations(t.db, a, tableId, now)],
    [
      "revoke an invitation",
      (a) => revokeInvitation(t.db, a, { tableId, invitationId: foreign ? s.foreignParty.id : s.invitation.id }, now),
    ],
    ["change a role", (a) => changeRole(t.db, a, { tableId, membershipId: target, role: "observer" }, now)],
    ["appoint the chair", (a) => appointChair(t.db, a, tableId, { membershipId: target, holdsPoliticalOffice: false }, now)],
    ["add a party", (a) => addParty(t.db, a, tableId, { type: "residents", name: "Bewoners" }, now)],
    ["change a party", (a) => updateParty(t.db, a, tableId, partyId, { type: "police", name: "Politie Centrum" }, now)],
    ["remove a member", (a) => removeMember(t.db, a, { tableId, membershipId: target }, now)],
    [
      "let a removed member back in",
      (a) => readmitMember(t.db, a, { tableId, membershipId: foreign ? target : s.removed.membershipId }, now),
    ],
    ["see removed members", (a) => removedMembers(t.db, a, tableId)],
    ["mark a party's contact", (a) => setPartyContact(t.db, a, { tableId, membershipId: target, contact: true }, now)],
    ["import the starter set of facts", (a) => importStarterSet(t.db, a, tableId, now)],
  ];
}

const codeOf = (work: Promise<unknown>) =>
  work.then(
    () => "done",
    (error: { code?: string }) => error.code ?? String(error),
  );

describe("the facilitator's actions", () => {
  for (const foreign of [false, true]) {
    it(`answer FORBIDDEN to every other member of the table and NOT_FOUND to everyone not at it (${foreign ? "another table's records" : "this table's records"})`, async () => {
      const s = await setting();
      const stranger = await makeAccount(t.db);
      const leaver = await makeAccount(t.db);
      await t.db.membership.create({ data: { tableId: s.tableId, accountId: leaver.id, role: "delegate", leftAt: now } });
      const who: [string, string, string][] = [
        ...NON_FACILITATORS.map((role): [string, string, string] => [
          role,
          s.members.find((m) => m.role === role)?.accountId ?? "",
          "FORBIDDEN",
        ]),
        ["a removed member", s.removed.accountId, "NOT_FOUND"],
        ["a member who left", leaver.id, "NOT_FOUND"],
        ["a stranger", stranger.id, "NOT_FOUND"],
      ];
      const eventsBefore = await t.db.auditEvent.count({ where: { tableId: s.tableId } });
      const seen: Record<string, Record<string, string>> = {};
      const expected: Record<string, Record<string, string>> = {};
      for (const [action, attempt] of attempts(s, foreign)) {
        for (const [name, accountId, code] of who) {
          seen[action] = { ...seen[action], [name]: await codeOf(attempt(accountId)) };
          expected[action] = { ...expected[action], [name]: code };
        }
      }
      expect(seen).toEqual(expected);
      // Nothing any of them tried changed the table.
      expect(await t.db.auditEvent.count({ where: { tableId: s.tableId } })).toBe(eventsBefore);
      expect((await t.db.table.findUniqueOrThrow({ where: { id: s.tableId } })).status).toBe("in_preparation");
    });
  }
});
