import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The way from a meeting to its minutes, on the meeting page. */
export async function MinutesLink({ tableId, meetingId }: { tableId: string; meetingId: string }) {
  const t = await getTranslations("minutes");
  return (
    <section aria-labelledby="minutes-link-heading" className="card">
      <h2 id="minutes-link-heading" style={{ marginTop: 0 }}>
        {t("heading")}
      </h2>
      <p className="hint">{t("linkLead")}</p>
      <p style={{ marginBottom: 0 }}>
        <Link href={`/tables/${tableId}/meetings/${meetingId}/minutes`}>{t("link")}</Link>
      </p>
    </section>
  );
}
