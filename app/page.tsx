import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { tablesOf } from "../features/tables/queries.ts";
import { getDb } from "../prisma/db.ts";
import { CreateTableForm } from "./_components/create-table-form.tsx";
import { currentSession } from "./_server/session.ts";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ left?: string; erased?: string }> }) {
  const t = await getTranslations("home");
  const tr = await getTranslations("roles");
  const session = await currentSession();
  if (!session) {
    return (
      <div className="stack">
        <h1>{t("title")}</h1>
        {(await searchParams).erased === "1" && (
          <p role="status" className="alert alert-info">
            {t("erased")}
          </p>
        )}
        <p className="lead">{t("lead")}</p>
        <p className="alert alert-info">{t("privacy")}</p>
        <p className="row">
          <Link className="button" href="/sign-up">
            {t("getStarted")}
          </Link>
          <Link className="button secondary" href="/sign-in">
            {t("haveAccount")}
          </Link>
        </p>
      </div>
    );
  }
  const tables = await tablesOf(getDb(), session.accountId);
  // Archived tables stay within reach, out of the way of the ones people work at.
  const current = tables.filter((table) => !table.archivedAt);
  const archived = tables.filter((table) => table.archivedAt);
  const list = (shown: typeof tables, testId?: string) => (
    <ul className="plain-list" data-testid={testId}>
      {shown.map((table) => (
        <li key={table.id}>
          <Link href={`/tables/${table.id}`}>{table.title}</Link>
          <span className="badge">{t("role", { role: tr(table.role) })}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="stack">
      <h1>{t("myTables")}</h1>
      {(await searchParams).left === "1" && (
        <p role="status" className="alert alert-info">
          {t("leftTable")}
        </p>
      )}
      {current.length === 0 ? <p className="card">{t("noTables")}</p> : list(current)}
      {archived.length > 0 && (
        <details>
          <summary>{t("archivedTables", { count: archived.length })}</summary>
          {list(archived, "archived-tables")}
        </details>
      )}
      <section aria-labelledby="new-table" className="card">
        <h2 id="new-table" style={{ marginTop: 0 }}>
          {t("newTable")}
        </h2>
        <p className="hint">{t("newTableHint")}</p>
        <CreateTableForm />
      </section>
    </div>
  );
}
