import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { measurePage } from "../../../../../features/measures/queries.ts";
import { isAppError } from "../../../../../features/shared/app-error.ts";
import { formatDateTime } from "../../../../../features/shared/dates.ts";
import { getDb } from "../../../../../prisma/db.ts";
import { freezeMeasureAction } from "../../../../_actions/measures.ts";
import { ActionForm } from "../../../../_components/action-form.tsx";
import { RoundsSection } from "../../../../_components/rounds-section.tsx";
import { VersionsSection } from "../../../../_components/versions-section.tsx";
import { realtimeUrl } from "../../../../_server/realtime-url.ts";
import { loadTable } from "../../load-table.ts";
import { NotesEditor } from "../../notes/notes-editor.tsx";
import { TableHeader } from "../../table-header.tsx";
import { MeasureForm } from "../measure-form.tsx";
import { ImpactSection } from "./impact-section.tsx";
import { MonitoringSection } from "./monitoring-section.tsx";
import { StatusSection } from "./status-section.tsx";
import { timelineText } from "./timeline-text.ts";

type Props = {
  params: Promise<{ tableId: string; measureId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const number = (value: string | string[] | undefined) => {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

async function load(tableId: string, measureId: string, query: Record<string, string | string[] | undefined> = {}) {
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/measures/${measureId}`);
  try {
    const page = await measurePage(getDb(), session.accountId, table.id, measureId, {
      read: number(query.read),
      from: number(query.from),
      to: number(query.to),
    });
    return { session, table, page };
  } catch (error) {
    if (isAppError(error)) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId, measureId } = await params;
  const { table, page } = await load(tableId, measureId);
  return { title: `${page.measure.title} — ${table.title}` };
}

export default async function MeasurePageView({ params, searchParams }: Props) {
  const { tableId, measureId } = await params;
  const { session, table, page } = await load(tableId, measureId, await searchParams);
  const t = await getTranslations("measures");
  const tm = await getTranslations("mandate");
  const locale = await getLocale();
  const serverUrl = await realtimeUrl();
  const presence = session.presenceEnabled ? { name: session.pseudonym } : null;
  const { measure } = page;
  const path = `/tables/${table.id}/measures/${measure.id}`;
  const tr = (key: string, values?: Record<string, string | number>) => t(key as never, values as never);
  const trm = (key: string, values?: Record<string, string | number>) => tm(key as never, values as never);
  return (
    <div className="stack">
      <TableHeader table={table} current="measures" heading={measure.title} />
      <p>
        <Link href={`/tables/${table.id}/measures`}>← {t("back")}</Link>
      </p>
      <p>
        <span className="badge" data-testid="measure-status">
          {t(`statuses.${measure.status}`)}
        </span>{" "}
        {t(`kinds.${measure.kind}`)} · {t("decidedBy", { body: tm(`bodies.${measure.responsibleBody}`) })}
        {measure.domain && ` · ${tm(`domainNames.${measure.domain}`)}`}
      </p>

      <section aria-labelledby="basis-heading">
        <h2 id="basis-heading">{t("basisHeading")}</h2>
        <p>{measure.purpose || <span className="hint">{t("noPurpose")}</span>}</p>
        <p>
          {measure.problemVersion ? (
            <Link href={`/tables/${table.id}/problem?read=${measure.problemVersion.number}#version-text`}>
              {t("restsOnProblem", { number: measure.problemVersion.number })}
            </Link>
          ) : (
            <span className="hint">{t("noProblemVersion")}</span>
          )}
        </p>
        {measure.facts.length > 0 && (
          <ul>
            {measure.facts.map((f) => (
              <li key={f.id}>
                <Link href={`/tables/${table.id}/facts/${f.id}`}>
                  {f.code} — {f.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {page.may.draft && (
          <details>
            <summary>{t("editDetails")}</summary>
            <MeasureForm
              tableId={table.id}
              problemVersions={page.problemVersions}
              facts={page.facts}
              measure={{
                id: measure.id,
                title: measure.title,
                kind: measure.kind,
                purpose: measure.purpose,
                responsibleBody: measure.responsibleBody,
                domain: measure.domain,
                problemVersionId: measure.problemVersion?.id ?? null,
                factIds: measure.facts.map((f) => f.id),
              }}
            />
          </details>
        )}
      </section>

      <StatusSection tableId={table.id} page={page} />

      <section aria-labelledby="text-heading">
        <h2 id="text-heading">{t("textHeading")}</h2>
        <p className="hint">{page.text.access === "write" ? t("textLead") : t("textReadOnly")}</p>
        <NotesEditor
          key={`measure-${String(session.presenceEnabled)}`}
          docName={page.text.name}
          serverUrl={serverUrl}
          readOnly={page.text.access !== "write"}
          presence={presence}
          label={t("textLabel", { title: measure.title })}
          testId="measure-editor"
        />
        {page.may.freeze && (
          <ActionForm
            action={freezeMeasureAction}
            submitLabel={t("freeze", { number: (page.versions[0]?.number ?? 0) + 1 })}
            savedMessage={t("frozen")}
          >
            <p className="hint">{t("freezeLead")}</p>
            <input type="hidden" name="tableId" value={table.id} />
            <input type="hidden" name="measureId" value={measure.id} />
          </ActionForm>
        )}
      </section>

      <VersionsSection basePath={path} versions={page.versions} read={page.read} diff={page.diff} />

      <RoundsSection
        tableId={table.id}
        path={path}
        rounds={page.rounds}
        latest={page.versions[0]}
        mayOpen={table.may["rounds.open"] && page.may.endorse}
        parties={page.parties}
      />

      <ImpactSection tableId={table.id} page={page} />

      <MonitoringSection tableId={table.id} page={page} />

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t("timelineHeading")}</h2>
        <p>
          <a href={`${path}/measure.pdf`} download>
            {t("downloadPdf")}
          </a>
        </p>
        <ol data-testid="measure-timeline">
          {page.timeline.map((event, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the timeline is a fixed list in reading order
            <li key={index}>
              <span className="hint">{formatDateTime(event.at, locale)}</span> {timelineText(event, tr, trm, locale)}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
