import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DECISION_RULES } from "../../../../features/decisions/rules.ts";
import { problemPage } from "../../../../features/problem/queries.ts";
import { isAppError } from "../../../../features/shared/app-error.ts";
import { getDb } from "../../../../prisma/db.ts";
import { askQuestionAction } from "../../../_actions/facts.ts";
import { freezeStatementAction } from "../../../_actions/problem.ts";
import { ActionForm } from "../../../_components/action-form.tsx";
import { RoundsSection } from "../../../_components/rounds-section.tsx";
import { VersionsSection } from "../../../_components/versions-section.tsx";
import { realtimeUrl } from "../../../_server/realtime-url.ts";
import { loadTable } from "../load-table.ts";
import { NotesEditor } from "../notes/notes-editor.tsx";

type Props = { params: Promise<{ tableId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/problem`);
  return { title: (await getTranslations("problem"))("title", { table: table.title }) };
}

const number = (value: string | string[] | undefined) => {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export default async function ProblemPage({ params, searchParams }: Props) {
  const { tableId } = await params;
  const query = await searchParams;
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/problem`);
  let page: Awaited<ReturnType<typeof problemPage>>;
  try {
    page = await problemPage(getDb(), session.accountId, table.id, {
      read: number(query.read),
      from: number(query.from),
      to: number(query.to),
    });
  } catch (error) {
    if (isAppError(error)) notFound();
    throw error;
  }
  const t = await getTranslations("problem");
  const tt = await getTranslations("table");
  const tr = await getTranslations("decisionRules");
  const tf = await getTranslations("facts");
  const _locale = await getLocale();
  const serverUrl = await realtimeUrl();
  const presence = session.presenceEnabled ? { name: session.pseudonym } : null;
  const latest = page.versions[0];

  return (
    <div className="stack">
      <p>
        <Link href={`/tables/${table.id}`}>← {tt("back")}</Link>
      </p>
      <h1>{t("title", { table: table.title })}</h1>
      <p>{t("lead")}</p>

      <section aria-labelledby="help" className="card">
        <h2 id="help" style={{ marginTop: 0 }}>
          {t("helpHeading")}
        </h2>
        <p>
          <strong>{t("helpTableRule", { rule: tr(page.rule) })}</strong>
        </p>
        <p>{t("helpCounted")}</p>
        <p>{t("helpSupporting")}</p>
        <ul>
          {DECISION_RULES.map((rule) => (
            <li key={rule}>{t(`helpRules.${rule}`)}</li>
          ))}
        </ul>
        <p>{t("helpMinimum")}</p>
      </section>

      <section aria-labelledby="statement">
        <h2 id="statement">{t("statementHeading")}</h2>
        <p className="hint">{t("statementLead")}</p>
        {page.statement.access !== "write" && (
          <p className="alert alert-info" data-testid="statement-read-only">
            {t("statementReadOnly")}
          </p>
        )}
        <NotesEditor
          key={`statement-${String(session.presenceEnabled)}`}
          docName={page.statement.name}
          serverUrl={serverUrl}
          readOnly={page.statement.access !== "write"}
          presence={presence}
          label={t("statementLabel")}
          testId="statement-editor"
        />
        {table.may["problem.freeze"] && (
          <ActionForm
            action={freezeStatementAction}
            submitLabel={t("freeze", { number: (latest?.number ?? 0) + 1 })}
            savedMessage={t("frozen", { number: latest?.number ?? 1 })}
          >
            <p className="hint">{t("freezeLead")}</p>
            <input type="hidden" name="tableId" value={table.id} />
          </ActionForm>
        )}
      </section>

      {table.may["facts.questions.ask"] && (
        <section aria-labelledby="fact-question" className="card">
          <h2 id="fact-question" style={{ marginTop: 0 }}>
            {t("factQuestionHeading")}
          </h2>
          <p className="hint">{t("factQuestionLead")}</p>
          <ActionForm action={askQuestionAction} submitLabel={tf("questions.submit")} savedMessage={t("factQuestionSaved")} secondary>
            <input type="hidden" name="tableId" value={table.id} />
            {/* Linked back to the statement, and to the version it was raised on once there is one. */}
            <input type="hidden" name="sourceRef" value={`${page.statement.name}${latest ? `#v${latest.number}` : ""}`} />
            <div className="field">
              <label htmlFor="fact-question-text">{tf("questions.question")}</label>
              <textarea id="fact-question-text" name="question" rows={2} maxLength={1000} />
            </div>
          </ActionForm>
          <p>
            <Link href={`/tables/${table.id}/facts/questions`}>{t("factQuestionsLink")}</Link>
          </p>
        </section>
      )}

      <VersionsSection basePath={`/tables/${table.id}/problem`} versions={page.versions} read={page.read} diff={page.diff} />

      <RoundsSection
        tableId={table.id}
        path={`/tables/${table.id}/problem`}
        rounds={page.rounds}
        latest={latest}
        mayOpen={table.may["rounds.open"]}
        parties={page.perspectives.map((p) => p.party)}
      />

      <section aria-labelledby="perspectives">
        <h2 id="perspectives">{t("perspectivesHeading")}</h2>
        <p className="hint">{t("perspectivesLead")}</p>
        {page.perspectives.length === 0 && <p className="hint">{t("perspectivesNone")}</p>}
        {page.perspectives.map((perspective) => (
          <section key={perspective.party.id} aria-labelledby={`perspective-${perspective.party.id}`} data-testid="perspective">
            <h3 id={`perspective-${perspective.party.id}`}>{perspective.party.name}</h3>
            <p className="hint">
              {perspective.access === "write"
                ? t("perspectiveOwn", { party: perspective.party.name })
                : t("perspectiveReadOnly", { party: perspective.party.name })}
            </p>
            <NotesEditor
              key={`${perspective.party.id}-${String(session.presenceEnabled)}`}
              docName={perspective.name}
              serverUrl={serverUrl}
              readOnly={perspective.access !== "write"}
              presence={presence}
              label={t("perspectiveLabel", { party: perspective.party.name })}
              testId={`perspective-editor-${perspective.party.id}`}
              presenceToggle={false}
            />
          </section>
        ))}
      </section>
    </div>
  );
}
