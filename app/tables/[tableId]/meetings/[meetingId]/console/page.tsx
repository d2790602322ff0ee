import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ANSWER_SCALE } from "../../../../../../features/decisions/rules.ts";
import { ATTENDANCE_STATUSES, PARTICIPATION_FORMS } from "../../../../../../features/meetings/console-model.ts";
import { meetingDetail } from "../../../../../../features/meetings/queries.ts";
import { isAppError } from "../../../../../../features/shared/app-error.ts";
import { POLICY_DOMAINS } from "../../../../../../features/tables/mandates.ts";
import { getDb } from "../../../../../../prisma/db.ts";
import { realtimeUrl } from "../../../../../_server/realtime-url.ts";
import { loadTable } from "../../../load-table.ts";
import { TableHeader } from "../../../table-header.tsx";
import { ConsoleView } from "./console-view.tsx";

type Props = { params: Promise<{ tableId: string; meetingId: string }> };

async function load(tableId: string, meetingId: string) {
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/meetings/${meetingId}/console`);
  try {
    return { table, meeting: await meetingDetail(getDb(), session.accountId, table.id, meetingId) };
  } catch (error) {
    if (isAppError(error)) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId, meetingId } = await params;
  const { meeting } = await load(tableId, meetingId);
  return { title: (await getTranslations("console"))("title", { meeting: meeting.title }) };
}

export default async function ConsolePage({ params }: Props) {
  const { tableId, meetingId } = await params;
  const { table, meeting } = await load(tableId, meetingId);
  const t = await getTranslations("console");
  return (
    <div className="stack">
      <TableHeader table={table} current="meetings" heading={t("title", { meeting: meeting.title })} />
      <p>
        <Link href={`/tables/${table.id}/meetings/${meeting.id}`}>← {t("back")}</Link>
      </p>
      <ConsoleView
        serverUrl={await realtimeUrl()}
        meetingId={meeting.id}
        choices={{
          answers: [...ANSWER_SCALE],
          attendance: [...ATTENDANCE_STATUSES],
          domains: [...POLICY_DOMAINS],
          forms: [...PARTICIPATION_FORMS],
        }}
      />
    </div>
  );
}
