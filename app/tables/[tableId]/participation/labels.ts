import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { conditionsOverview } from "../../../../features/participation/conditions.ts";
import { participationMatrix } from "../../../../features/participation/queries.ts";
import type { ConditionScopes, ReportLabels } from "../../../../features/participation/report.ts";
import type { Db } from "../../../../prisma/db.ts";

/** Translated labels for the participation views and reports, in the reader's language. */
export async function participationLabels(): Promise<ReportLabels> {
  const t = await getTranslations("participation");
  const tp = await getTranslations("phases");
  const tc = await getTranslations("conditions");
  return {
    locale: await getLocale(),
    title: t("reportTitle"),
    perceptionsTitle: t("reportPerceptions"),
    conditionsTitle: tc("title"),
    perceptionColumns: [
      t("columns.party"),
      t("columns.phase"),
      t("columns.intended"),
      t("columns.perceived"),
      t("columns.assessedOn"),
      t("columns.status"),
      t("columns.gap"),
      t("columns.explanation"),
    ],
    conditionColumns: [
      tc("columns.answeredBy"),
      tc("columns.scope"),
      tc("columns.condition"),
      tc("columns.answer"),
      tc("columns.answeredOn"),
      tc("columns.status"),
      tc("columns.evidence"),
    ],
    status: (status) => t(`entryStatus.${status}`),
    form: (form) => t(`forms.${form}`),
    phase: (phase) => phase.name || (phase.kind ? tp(`kinds.${phase.kind}` as "kinds.agenda_setting") : ""),
    gap: (severity) => (severity === "serious" ? t("gapSerious") : severity === "differs" ? t("gapDiffers") : ""),
    notSet: t("notSet"),
    condition: (item) => `${item} ${tc(`items.${item}` as "items.INF-1")}`,
    answer: (answer) => tc(`answers.${answer}`),
    wholeTable: tc("wholeTable"),
    processOwner: (role) => tc(`processOwner.${role}`),
  };
}

/** Every answered condition with its history, for the whole table and for each phase. */
export async function allConditionScopes(db: Db, accountId: string, tableId: string, phaseIds: string[]): Promise<ConditionScopes> {
  const scopes: ConditionScopes = [];
  for (const phaseId of [null, ...phaseIds]) {
    const items = (await conditionsOverview(db, accountId, tableId, phaseId)).items.filter((row) => row.answers.length > 0);
    if (items.length > 0) scopes.push({ phaseId, items });
  }
  return scopes;
}

/** What both report downloads need, for the signed-in reader (the matrix authorises them). */
export async function reportInput(db: Db, accountId: string, tableId: string) {
  const matrix = await participationMatrix(db, accountId, tableId);
  const table = await db.table.findUniqueOrThrow({ where: { id: tableId }, select: { title: true } });
  const conditions = await allConditionScopes(
    db,
    accountId,
    tableId,
    matrix.phases.map((p) => p.id),
  );
  return { matrix, labels: await participationLabels(), title: table.title, conditions };
}
