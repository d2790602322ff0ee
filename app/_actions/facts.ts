"use server";
import { redirect } from "next/navigation";
import {
  changeFactStatus,
  editFact,
  linkFacts,
  proposeFact,
  recordPosition,
  setCitationWording,
  unlinkFacts,
} from "../../features/facts/commands.ts";
import type { FactInput } from "../../features/facts/model.ts";
import { answerQuestion, askQuestion, withdrawQuestion } from "../../features/facts/questions.ts";
import { importStarterSet } from "../../features/facts/starter-set.ts";
import { getDb } from "../../prisma/db.ts";
import { act as actFor, withoutData } from "../_server/act.ts";
import type { ActionResult } from "../_server/action-result.ts";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");
const lines = (form: FormData, name: string) => text(form, name).split(/\r?\n/);
const checked = (form: FormData, name: string) => form.get(name) === "on";

const act = <T>(tableId: string, work: (accountId: string) => Promise<T>): Promise<ActionResult<T>> =>
  actFor(`/tables/${tableId}/facts`, work, { layout: true });

/** "label: value unit" per line; the value is validated as a number by the domain. */
function breakdownOf(form: FormData): FactInput["breakdown"] {
  return lines(form, "breakdown")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [label, rest = ""] = line.includes(":") ? [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1)] : [line];
      const [value = "", ...unit] = rest.trim().split(/\s+/);
      return { label: label.trim(), value: value || null, qualifier: null, unit: unit.join(" ") };
    });
}

/** A fact form as register input: every field by name, lists one per line. */
function factInputOf(form: FormData): FactInput {
  const field = (name: string) => text(form, name);
  const assumptionTexts = form.getAll("assumptionText").map(String);
  const assumptionStatuses = form.getAll("assumptionStatus").map(String);
  const assumptionAssessors = form.getAll("assumptionAssessedBy").map(String);
  return {
    code: field("code"),
    title: field("title"),
    statement: field("statement"),
    language: field("language") || undefined,
    topic: field("topic"),
    valueKind: field("valueKind") as FactInput["valueKind"],
    valuePoint: field("valuePoint"),
    valueLow: field("valueLow"),
    valueHigh: field("valueHigh"),
    qualifier: field("qualifier") as FactInput["qualifier"],
    valueDisplay: field("valueDisplay"),
    unit: field("unit"),
    percentage: checked(form, "percentage"),
    numeratorDescription: field("numeratorDescription"),
    numeratorCount: field("numeratorCount"),
    denominatorDescription: field("denominatorDescription"),
    denominatorCount: field("denominatorCount"),
    denominatorUnknown: checked(form, "denominatorUnknown"),
    sampleSize: field("sampleSize"),
    unknownShare: field("unknownShare"),
    unknownShareDescription: field("unknownShareDescription"),
    breakdown: breakdownOf(form),
    countedObject: field("countedObject"),
    definitionUsed: field("definitionUsed"),
    referencePeriod: field("referencePeriod"),
    periodKind: field("periodKind"),
    publication: field("publication"),
    timeAmbiguity: field("timeAmbiguity"),
    geography: field("geography"),
    sectorScope: field("sectorScope"),
    evidenceKind: field("evidenceKind") as FactInput["evidenceKind"],
    methodDescription: field("methodDescription"),
    assumptions: assumptionTexts.map((assumption, index) => ({
      text: assumption,
      status: (assumptionStatuses[index] || "unknown") as "unknown",
      assessedBy: assumptionAssessors[index] ?? "",
    })),
    weaknesses: lines(form, "weaknesses"),
    sourceTitle: field("sourceTitle"),
    sourceLocator: field("sourceLocator"),
    originalSource: field("originalSource"),
    citationChain: lines(form, "citationChain"),
    caveats: lines(form, "caveats"),
    frameNote: field("frameNote"),
  };
}

export async function proposeFactAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  const result = await act(tableId, (accountId) => proposeFact(getDb(), accountId, tableId, factInputOf(form)));
  if (!result.ok) return result;
  redirect(`/tables/${tableId}/facts/${result.data.id}`);
}

export async function editFactAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  const factId = text(form, "factId");
  const result = await act(tableId, (accountId) =>
    editFact(getDb(), accountId, tableId, factId, factInputOf(form), { note: text(form, "editNote") }),
  );
  if (!result.ok) return result;
  redirect(`/tables/${tableId}/facts/${factId}`);
}

export async function setWordingAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  return withoutData(
    await act(tableId, (accountId) => setCitationWording(getDb(), accountId, tableId, text(form, "factId"), text(form, "wording"))),
  );
}

export async function changeStatusAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  return withoutData(
    await act(tableId, (accountId) =>
      changeFactStatus(getDb(), accountId, tableId, text(form, "factId"), { to: text(form, "to"), reason: text(form, "reason") }),
    ),
  );
}

export async function recordPositionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  // Only the stance and reasoning cross over: the party comes from the delegate's membership.
  return withoutData(
    await act(tableId, (accountId) =>
      recordPosition(getDb(), accountId, tableId, text(form, "factId"), {
        stance: text(form, "stance"),
        reasoning: text(form, "reasoning"),
      }),
    ),
  );
}

export async function linkFactsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  return withoutData(
    await act(tableId, (accountId) =>
      linkFacts(getDb(), accountId, tableId, text(form, "factId"), {
        type: text(form, "type"),
        target: text(form, "target"),
        note: text(form, "note"),
      }),
    ),
  );
}

export async function unlinkFactsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  return withoutData(await act(tableId, (accountId) => unlinkFacts(getDb(), accountId, tableId, text(form, "linkId"))));
}

export async function importStarterAction(
  _previous: ActionResult<{ imported: number; links: number }> | null,
  form: FormData,
): Promise<ActionResult<{ imported: number; links: number }>> {
  const tableId = text(form, "tableId");
  return act(tableId, async (accountId) => {
    const { imported, links } = await importStarterSet(getDb(), accountId, tableId);
    return { imported, links };
  });
}

export async function askQuestionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  return withoutData(
    await act(tableId, (accountId) =>
      askQuestion(getDb(), accountId, tableId, {
        question: text(form, "question"),
        assigneePartyId: text(form, "assigneePartyId"),
        assigneeNote: text(form, "assigneeNote"),
        dueOn: text(form, "dueOn"),
        sourceRef: text(form, "sourceRef"),
      }),
    ),
  );
}

export async function answerQuestionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  return withoutData(
    await act(tableId, (accountId) =>
      answerQuestion(getDb(), accountId, tableId, text(form, "questionId"), {
        text: text(form, "text"),
        factIds: form.getAll("factIds").map(String),
      }),
    ),
  );
}

export async function withdrawQuestionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  return withoutData(await act(tableId, (accountId) => withdrawQuestion(getDb(), accountId, tableId, text(form, "questionId"))));
}
