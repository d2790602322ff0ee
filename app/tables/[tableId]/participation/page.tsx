import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FORMS, NOT_MEANINGFUL } from "../../../../features/participation/model.ts";
import { participationMatrix } from "../../../../features/participation/queries.ts";
import { getDb } from "../../../../prisma/db.ts";
import { loadTable } from "../load-table.ts";
import { ActivitiesSection, ConditionsSection } from "./conditions-section.tsx";
import { FormChip } from "./form-chip.tsx";
import { GapsSection } from "./gaps-section.tsx";
import { IntendedSection } from "./intended-section.tsx";
import { participationLabels } from "./labels.ts";
import { phaseNamer } from "./matrix-names.ts";
import { MatrixSection } from "./matrix-section.tsx";
import { PerceptionSection } from "./perception-section.tsx";
import { TimelineSection } from "./timeline-section.tsx";

type Props = { params: Promise<{ tableId: string }>; searchParams?: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/participation`);
  return { title: (await getTranslations("participation"))("title", { table: table.title }) };
}

export default async function ParticipationPage({ params, searchParams }: Props) {
  const { tableId } = await params;
  const conditionsPhase = (await searchParams)?.phase || null;
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/participation`);
  const t = await getTranslations("participation");
  const tt = await getTranslations("table");
  const labels = await participationLabels();
  const matrix = await participationMatrix(getDb(), session.accountId, table.id);
  const phaseName = phaseNamer(matrix, labels);
  return (
    <div className="stack">
      <p>
        <Link href={`/tables/${table.id}`}>← {tt("back")}</Link>
      </p>
      <h1>{t("title", { table: table.title })}</h1>
      <p className="lead">{t("lead")}</p>
      <details className="card">
        <summary>{t("definitions")}</summary>
        <dl className="facts">
          {FORMS.map((form) => (
            <div key={form} style={{ display: "contents" }}>
              <dt>
                <FormChip form={form} />
              </dt>
              <dd>
                {t(`formDefinitions.${form}`)}
                {NOT_MEANINGFUL.includes(form) && <strong> {t("notMeaningful")}.</strong>}
              </dd>
            </div>
          ))}
        </dl>
      </details>

      <MatrixSection table={table} matrix={matrix} />

      <GapsSection table={table} matrix={matrix} />

      <IntendedSection table={table} matrix={matrix} />

      <PerceptionSection table={table} matrix={matrix} />

      <ConditionsSection
        table={table}
        matrix={matrix}
        accountId={session.accountId}
        phaseId={matrix.phases.some((p) => p.id === conditionsPhase) ? conditionsPhase : null}
        phaseLabel={phaseName}
      />
      <ActivitiesSection table={table} matrix={matrix} accountId={session.accountId} phaseLabel={phaseName} />

      <TimelineSection table={table} matrix={matrix} />
    </div>
  );
}
