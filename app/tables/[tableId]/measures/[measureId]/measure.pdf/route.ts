import { getTranslations } from "next-intl/server";
import { formatNumber } from "../../../../../../features/facts/format.ts";
import { type MeasurePdfSection, measurePdf } from "../../../../../../features/measures/pdf.ts";
import { measurePage } from "../../../../../../features/measures/queries.ts";
import { isAppError } from "../../../../../../features/shared/app-error.ts";
import { formatDate, formatDay } from "../../../../../../features/shared/dates.ts";
import { toLocale } from "../../../../../../i18n/locales.ts";
import { getDb } from "../../../../../../prisma/db.ts";
import { currentSession } from "../../../../../_server/session.ts";
import { timelineText } from "../timeline-text.ts";

/** The measure's frozen text, impact check summary, monitoring and timeline, in the table's language. */
export async function GET(_request: Request, { params }: { params: Promise<{ tableId: string; measureId: string }> }) {
  const { tableId, measureId } = await params;
  const session = await currentSession();
  if (!session) return new Response("Not signed in", { status: 401 });
  const db = getDb();
  try {
    const first = await measurePage(db, session.accountId, tableId, measureId);
    // The adopted version when there is one, else the latest frozen version.
    const number = first.adoption?.version || first.versions[0]?.number;
    const page = number ? await measurePage(db, session.accountId, tableId, measureId, { read: number }) : first;
    const table = await db.table.findUniqueOrThrow({ where: { id: tableId }, select: { title: true, languages: true } });
    const locale = toLocale(table.languages[0]);
    const t = await getTranslations({ locale, namespace: "measures" });
    const tm = await getTranslations({ locale, namespace: "mandate" });
    const tr = (key: string, values?: Record<string, string | number>) => t(key as never, values as never);
    const trm = (key: string, values?: Record<string, string | number>) => tm(key as never, values as never);
    const sections: MeasurePdfSection[] = [];
    sections.push({
      heading: page.read ? t("pdf.text", { number: page.read.number }) : t("pdf.noText"),
      lines: [
        ...(page.measure.purpose ? [{ text: `${t("fields.purpose")}: ${page.measure.purpose}` }, { text: "" }] : []),
        ...(page.read?.text.split("\n").map((text) => ({ text })) ?? []),
      ],
    });
    const check = page.checks[0];
    if (check) {
      const lines: MeasurePdfSection["lines"] = [
        {
          text: check.completeness.complete
            ? t("impactComplete", { answered: check.completeness.answered, declined: check.completeness.declined })
            : t("impactIncomplete", {
                missing: check.summary.parties
                  .filter((p) => p.status === "missing")
                  .map((p) => p.name)
                  .join(", "),
              }),
        },
      ];
      lines.push({ text: check.summary.remaining.length === 0 ? t("summaryNoRemaining") : t("summaryRemaining"), bold: true });
      for (const r of check.summary.remaining) {
        lines.push({
          text: `${t(`dimensions.${r.dimension}`)}: ${r.entries.map((e) => `${e.name}${e.forWhom ? ` (${e.forWhom})` : ""} — ${e.reasoning}`).join("; ")}`,
          indent: true,
        });
      }
      const agreed = check.summary.dimensions.flatMap((d) => d.mitigations);
      if (agreed.length > 0) {
        lines.push({ text: t("summaryMitigations"), bold: true });
        for (const m of agreed) {
          lines.push({ text: `${t(`dimensions.${m.dimension}`)} — ${t(`mitigationKinds.${m.kind}`)}: ${m.text}`, indent: true });
        }
      }
      for (const d of check.summary.dimensions) {
        lines.push({ text: "" });
        lines.push({ text: `${t(`dimensions.${d.dimension}`)}${d.disagreement ? ` (${t("disagreement")})` : ""}`, bold: true });
        for (const e of d.entries) {
          lines.push({
            text: `${e.name}: ${t(`effects.${e.effect}`)}${e.forWhom ? ` — ${e.forWhom}` : ""}${e.reasoning ? ` — ${e.reasoning}` : ""}`,
            indent: true,
          });
        }
        for (const m of d.mitigations) lines.push({ text: `${t(`mitigationKinds.${m.kind}`)}: ${m.text}`, indent: true });
      }
      sections.push({ heading: t("pdf.impact", { version: check.version }), lines });
    }
    if (page.indicators.length > 0 || page.reviews.length > 0) {
      const lines: MeasurePdfSection["lines"] = [];
      for (const i of page.indicators) {
        const show = (v: number) => t(`valueFormats.${i.valueType}`, { value: formatNumber(v, locale) });
        lines.push({ text: i.name, bold: true });
        if (i.baselineValue !== null) lines.push({ text: t("baseline", { value: show(i.baselineValue) }), indent: true });
        for (const v of i.values)
          lines.push({ text: `${formatDay(v.measuredOn, locale)}: ${show(v.value)}${v.note ? ` — ${v.note}` : ""}`, indent: true });
      }
      for (const r of page.reviews.filter((review) => review.openedAt)) {
        lines.push({ text: "" });
        lines.push({ text: t("reviewOf", { date: formatDay(r.scheduledFor, locale) }), bold: true });
        for (const a of r.assessments) {
          lines.push({
            text: a.assessment
              ? `${a.name}: ${t(`verdicts.${a.assessment.verdict}`)} — ${t("dimensions.safety")} ${t(`effects.${a.assessment.safety}`)}, ${t("dimensions.health")} ${t(`effects.${a.assessment.health}`)}, ${t("dimensions.autonomy")} ${t(`effects.${a.assessment.autonomy}`)}${a.assessment.reasoning ? ` — ${a.assessment.reasoning}` : ""}`
              : `${a.name}: ${t("noAssessmentYet")}`,
            indent: true,
          });
        }
        if (r.outcome) lines.push({ text: `${t(`outcomeHeadline.${r.outcome}`)} ${r.outcomeNote}`, indent: true });
      }
      sections.push({ heading: t("monitoringHeading"), lines });
    }
    sections.push({
      heading: t("timelineHeading"),
      lines: page.timeline.map((event) => ({ text: `${formatDate(event.at, locale)} — ${timelineText(event, tr, trm, locale)}` })),
    });
    const pdf = await measurePdf({
      locale,
      title: page.measure.title,
      tableTitle: table.title,
      statusLine: t("pdf.status", { status: t(`statuses.${page.measure.status}`), kind: t(`kinds.${page.measure.kind}`) }),
      sections,
    });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${t("pdf.filename")}.pdf"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response("Not found", { status: 404 });
    throw error;
  }
}
