import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeAccount, makeTable } from "../../test/factories.ts";
import { recordPerception } from "../participation/commands.ts";
import { activityOf } from "./activity.ts";
import { markCommitmentBreached, recordCommitment } from "./commitments.ts";
import { changeTableStatus, updateTableDetails } from "./details.ts";
import { addParty } from "./parties.ts";
import { listPhases, setCurrentPhase } from "./phases.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

const now = new Date("2026-06-01T10:00:00Z");

describe("the activity log", () => {
  it("says what changed, on which record and for which party, and names the party for its contributions", async () => {
    const { tableId, facilitator, members } = await makeTable(t.db, ["observer", "chair"]);
    const [observer, chair] = members;
    const party = await addParty(
      t.db,
      facilitator.accountId,
      tableId,
      { type: "sex_worker_organisation", name: "Stichting Rode Lantaarn" },
      now,
    );
    const delegate = await makeAccount(t.db, { pseudonym: "Saffier" });
    await t.db.membership.create({ data: { tableId, accountId: delegate.id, role: "delegate", partyId: party.id } });
    const [phase] = await listPhases(t.db, tableId);
    await updateTableDetails(
      t.db,
      facilitator.accountId,
      tableId,
      {
        title: "Tafel Lindendam, herzien",
        policyQuestion: "",
        municipality: "Lindendam",
        region: "",
        languages: ["nl"],
        decisionRule: "all_or_most",
        publicSummary: false,
      },
      now,
    );
    await changeTableStatus(t.db, facilitator.accountId, tableId, "active", now);
    await setCurrentPhase(t.db, facilitator.accountId, tableId, phase?.id ?? "", now);
    const commitment = await recordCommitment(t.db, facilitator.accountId, tableId, { partyId: party.id, kind: "share_data" }, now);
    await markCommitmentBreached(t.db, chair?.accountId ?? "", tableId, { commitmentId: commitment.id, note: "Niets gedeeld." }, now);
    await recordPerception(
      t.db,
      delegate.id,
      tableId,
      { phaseId: phase?.id ?? "", form: "consultation", attribution: "organisation", assessedOn: "2026-06-01" },
      now,
    );

    const log = await activityOf(t.db, observer?.accountId ?? "", tableId);
    const entry = (action: string) => log.find((e) => e.action === action);
    expect(entry("table.details_changed")).toMatchObject({
      messageKey: "table_details_changed",
      detail: { fields: ["title", "municipality"] },
    });
    expect(entry("table.status_changed")).toMatchObject({ detail: { fromStatus: "in_preparation", toStatus: "active", role: null } });
    expect(entry("phase.current_changed")).toMatchObject({ detail: { phase: { kind: phase?.kind } } });
    expect(entry("commitment.recorded")).toMatchObject({ detail: { party: "Stichting Rode Lantaarn", kind: "share_data" } });
    // The breach names the party whose commitment it was, though the event holds only the commitment.
    expect(entry("commitment.breached")).toMatchObject({ detail: { party: "Stichting Rode Lantaarn", kind: "share_data" } });
    const perception = entry("participation.perception_recorded");
    expect(perception).toMatchObject({
      messageKey: "participation_perception_recorded",
      actor: null,
      spokenAs: { kind: "party", name: "Stichting Rode Lantaarn" },
      detail: { party: "Stichting Rode Lantaarn", form: "consultation", phase: { kind: phase?.kind } },
    });
    expect(JSON.stringify(perception)).not.toContain("Saffier");
    expect(log.every((e) => e.messageKey !== "other")).toBe(true);
  });
});
