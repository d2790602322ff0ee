import { getTranslations } from "next-intl/server";
import { approvedMinutes } from "../../../../../../../features/meetings/minutes.ts";
import { minutesPdf } from "../../../../../../../features/meetings/minutes-pdf.ts";
import { isAppError } from "../../../../../../../features/shared/app-error.ts";
import { formatDate, formatDateTime, formatTime } from "../../../../../../../features/shared/dates.ts";
import { toLocale } from "../../../../../../../i18n/locales.ts";
import { getDb } from "../../../../../../../prisma/db.ts";
import { currentSession } from "../../../../../../_server/session.ts";

/** The approved version of a meeting's minutes, in the table's language; not found until approved. */
export async function GET(_request: Request, { params }: { params: Promise<{ tableId: string; meetingId: string }> }) {
  const { tableId, meetingId } = await params;
  const session = await currentSession();
  if (!session) return new Response("Not signed in", { status: 401 });
  try {
    const { meeting, table, version, round } = await approvedMinutes(getDb(), session.accountId, tableId, meetingId);
    const locale = toLocale(table.languages[0]);
    const t = await getTranslations({ locale, namespace: "minutes" });
    const tr = await getTranslations({ locale, namespace: "decisionRules" });
    const result = round.result;
    const pdf = await minutesPdf(version.text, {
      locale,
      title: t("pdfTitle"),
      tableTitle: table.title,
      meetingLine: t("pdfMeeting", {
        meeting: meeting.title,
        when: `${formatDateTime(meeting.startsAt, locale)}–${formatTime(meeting.endsAt, locale)}`,
      }),
      approvedLine: t("pdfApproved", {
        number: version.number,
        date: formatDate(round.closedAt ?? round.deadline, locale, "long"),
        supporting: result?.supporting ?? 0,
        counted: result?.counted ?? 0,
        rule: tr(round.rule),
      }),
      partiesHeading: t("pdfParties"),
      partyLines: round.parties.map((party) =>
        t("pdfPartyLine", {
          party: party.name,
          answer: `${party.answer ? t(`answers.${party.answer}`) : t("noAnswer")}${party.reason ? ` — ${party.reason}` : ""}`,
        }),
      ),
      fingerprint: t("pdfFingerprint", { hash: version.sha256 }),
    });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${t("pdfFilename")}.pdf"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response("Not found", { status: 404 });
    throw error;
  }
}
