// The participation matrix, party × phase: what was intended, what each party experienced
// (latest assessment, with the earlier ones as a timeline), and where the two differ.
import type { Db } from "../../prisma/db.ts";
import { listParties } from "../tables/parties.ts";
import { listPhases } from "../tables/phases.ts";
import { authorize } from "../tables/queries.ts";
import { findGaps, type Gap } from "./gaps.ts";
import type { Form } from "./model.ts";

export type PerceptionView = {
  id: string;
  form: Form;
  /** Empty when the party kept it for the chair only and the reader is not the chair or that party. */
  explanation: string;
  confidential: boolean;
  attribution: "person" | "organisation";
  /** The recorder's pseudonym, only when they chose to speak as a person; otherwise the party. */
  by: string | null;
  assessedOn: Date;
  createdAt: Date;
};

export async function participationMatrix(db: Db, accountId: string, tableId: string) {
  const member = await authorize(db, accountId, tableId, "table.view");
  const parties = await listParties(db, tableId);
  const phases = await listPhases(db, tableId);
  const intended = await db.intendedForm.findMany({ where: { tableId }, orderBy: { createdAt: "asc" } });
  const perceptions = await db.perception.findMany({ where: { tableId }, orderBy: [{ assessedOn: "asc" }, { createdAt: "asc" }] });
  const recorders = await db.membership.findMany({
    where: { id: { in: [...new Set(perceptions.map((p) => p.recordedBy))] } },
    select: { id: true, account: { select: { pseudonym: true } } },
  });
  const pseudonyms = new Map(recorders.map((r) => [r.id, r.account.pseudonym]));
  const mayReadConfidential = (partyId: string) => member.role === "chair" || member.partyId === partyId;

  const cells = parties.flatMap((party) =>
    phases.map((phase) => {
      const intendedHistory = intended.filter((i) => i.partyId === party.id && i.phaseId === phase.id);
      const timeline: PerceptionView[] = perceptions
        .filter((p) => p.partyId === party.id && p.phaseId === phase.id)
        .map((p) => ({
          id: p.id,
          form: p.form,
          explanation: p.confidential && !mayReadConfidential(party.id) ? "" : p.explanation,
          confidential: p.confidential,
          attribution: p.attribution,
          by: p.attribution === "person" ? (pseudonyms.get(p.recordedBy) ?? null) : null,
          assessedOn: p.assessedOn,
          createdAt: p.createdAt,
        }));
      const current = intendedHistory.at(-1);
      return {
        partyId: party.id,
        partyType: party.type,
        phaseId: phase.id,
        intended: current?.form ?? null,
        rationale: current?.rationale ?? "",
        intendedHistory: intendedHistory.map((i) => ({ form: i.form, rationale: i.rationale, at: i.createdAt })),
        perceived: timeline.at(-1)?.form ?? null,
        timeline,
      };
    }),
  );
  const gaps: Gap[] = findGaps(cells);
  const agenda = await db.nextMeetingItem.findMany({
    where: { tableId, kind: "participation_gap", doneAt: null },
    select: { partyId: true, phaseId: true },
  });
  return { parties, phases, cells, gaps, onAgenda: agenda, me: { role: member.role, partyId: member.partyId } };
}
