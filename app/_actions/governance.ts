"use server";
import { archiveTable, unarchiveTable } from "../../features/tables/archive.ts";
import { appointChair, signChairDeclaration } from "../../features/tables/chair.ts";
import { type COMMITMENT_KINDS, markCommitmentBreached, recordCommitment, respondToBreach } from "../../features/tables/commitments.ts";
import { changeTableStatus, type TableDetailsInput, updateTableDetails } from "../../features/tables/details.ts";
import { type MandateInput, POLICY_DOMAINS, recordMandate } from "../../features/tables/mandates.ts";
import { addParty, type PartyInput, updateParty } from "../../features/tables/parties.ts";
import { addPhase, movePhase, setCurrentPhase, updatePhase } from "../../features/tables/phases.ts";
import { getDb } from "../../prisma/db.ts";
import { actForForm } from "../_server/act.ts";
import type { ActionResult } from "../_server/action-result.ts";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

const act = (tableId: string, work: (id: string) => Promise<unknown>): Promise<ActionResult> =>
  actForForm(`/tables/${tableId}`, work, { layout: true });

export async function updateDetailsAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  const input: TableDetailsInput = {
    title: text(form, "title"),
    policyQuestion: text(form, "policyQuestion"),
    municipality: text(form, "municipality"),
    region: text(form, "region"),
    languages: form.getAll("languages").map(String) as TableDetailsInput["languages"],
    decisionRule: text(form, "decisionRule") as TableDetailsInput["decisionRule"],
    publicSummary: form.get("publicSummary") === "on",
  };
  return act(tableId, (id) => updateTableDetails(getDb(), id, tableId, input));
}

export async function changeStatusAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  return act(tableId, (id) => changeTableStatus(getDb(), id, tableId, text(form, "status")));
}

export async function archiveTableAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  return actForForm(`/tables/${tableId}`, (id) => archiveTable(getDb(), id, tableId), { layout: true });
}

export async function unarchiveTableAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  return actForForm(`/tables/${tableId}`, (id) => unarchiveTable(getDb(), id, tableId), { layout: true });
}

function partyInput(form: FormData): PartyInput {
  return {
    type: text(form, "type") as PartyInput["type"],
    name: text(form, "name"),
    represents: text(form, "represents"),
    representation: text(form, "representation") as PartyInput["representation"],
    hasDecisionPower: form.get("hasDecisionPower") === "on",
  };
}

export async function addPartyAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  return act(tableId, (id) => addParty(getDb(), id, tableId, partyInput(form)));
}

export async function updatePartyAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  return act(tableId, (id) => updateParty(getDb(), id, tableId, text(form, "partyId"), partyInput(form)));
}

export async function setCurrentPhaseAction(tableId: string, phaseId: string) {
  return act(tableId, (id) => setCurrentPhase(getDb(), id, tableId, phaseId));
}

export async function movePhaseAction(tableId: string, phaseId: string, direction: "up" | "down") {
  return act(tableId, (id) => movePhase(getDb(), id, tableId, phaseId, direction));
}

export async function updatePhaseAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  return act(tableId, (id) =>
    updatePhase(getDb(), id, tableId, text(form, "phaseId"), {
      name: text(form, "name"),
      deliverables: text(form, "deliverables"),
      startsOn: text(form, "startsOn"),
      endsOn: text(form, "endsOn"),
    }),
  );
}

export async function appointChairAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  return act(tableId, (id) =>
    appointChair(getDb(), id, tableId, {
      membershipId: text(form, "membershipId"),
      holdsPoliticalOffice: form.get("holdsPoliticalOffice") === "on",
      declaredTies: text(form, "declaredTies"),
    }),
  );
}

export async function signChairDeclarationAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  return act(tableId, (id) =>
    signChairDeclaration(getDb(), id, tableId, {
      holdsPoliticalOffice: form.get("holdsPoliticalOffice") === "on",
      declaredTies: text(form, "declaredTies"),
    }),
  );
}

export async function recordMandateAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  const officials = [0, 1, 2]
    .map((n) => ({
      office: text(form, `official${n}.office`).trim(),
      portfolio: text(form, `official${n}.portfolio`),
      domains: form.getAll(`official${n}.domains`).map(String),
    }))
    .filter((official) => official.office || official.portfolio);
  const input = {
    issuingBody: text(form, "issuingBody"),
    decisionReference: text(form, "decisionReference"),
    decisionDate: text(form, "decisionDate"),
    scope: text(form, "scope"),
    // One select per domain: "" leaves the domain uncovered, anything else is the power there.
    domains: POLICY_DOMAINS.map((domain) => ({ domain, decisionPower: text(form, `power.${domain}`) })).filter((d) => d.decisionPower),
    issuerCommitment: text(form, "issuerCommitment"),
    termStart: text(form, "termStart"),
    termEnd: text(form, "termEnd"),
    reviewDate: text(form, "reviewDate"),
    officials,
    attachments: text(form, "attachments")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    amendmentNote: text(form, "amendmentNote"),
  } as unknown as MandateInput & { amendmentNote: string };
  return act(tableId, (id) => recordMandate(getDb(), id, tableId, input));
}

export async function recordCommitmentAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  return act(tableId, (id) =>
    recordCommitment(getDb(), id, tableId, {
      partyId: text(form, "partyId"),
      kind: text(form, "kind") as (typeof COMMITMENT_KINDS)[number],
      text: text(form, "text"),
    }),
  );
}

export async function breachCommitmentAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  return act(tableId, (id) =>
    markCommitmentBreached(getDb(), id, tableId, { commitmentId: text(form, "commitmentId"), note: text(form, "note") }),
  );
}

export async function respondToBreachAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  return act(tableId, (id) =>
    respondToBreach(getDb(), id, tableId, {
      commitmentId: text(form, "commitmentId"),
      text: text(form, "text"),
      attribution: text(form, "attribution") === "person" ? "person" : "organisation",
    }),
  );
}

export async function addPhaseAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  return act(tableId, (id) => addPhase(getDb(), id, tableId, { name: text(form, "name") }));
}
