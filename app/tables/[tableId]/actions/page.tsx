import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ACTION_STATUSES, actionsList } from "../../../../features/meetings/actions.ts";
import { formatDate, formatDay } from "../../../../features/shared/dates.ts";
import { getDb } from "../../../../prisma/db.ts";
import { changeActionStatusAction } from "../../../_actions/minutes.ts";
import { ActionForm } from "../../../_components/action-form.tsx";
import { loadTable } from "../load-table.ts";
import { TableHeader } from "../table-header.tsx";

type Props = { params: Promise<{ tableId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/actions`);
  return { title: (await getTranslations("followUps"))("title", { table: table.title }) };
}

export default async function ActionsPage({ params, searchParams }: Props) {
  const { tableId } = await params;
  const query = await searchParams;
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/actions`);
  const t = await getTranslations("followUps");
  const tm = await getTranslations("minutes");
  const tp = await getTranslations("mandate.powers");
  const locale = await getLocale();
  const status = Array.isArray(query.status) ? query.status[0] : query.status;
  const list = await actionsList(getDb(), session.accountId, table.id, { status });
  return (
    <div className="stack">
      <TableHeader table={table} current="meetings" heading={t("heading")} />
      <p>{t("lead")}</p>
      <form method="get" action={`/tables/${table.id}/actions`} className="row">
        <div className="field">
          <label htmlFor="action-status-filter">{t("filter")}</label>
          <select id="action-status-filter" name="status" defaultValue={list.status ?? ""}>
            <option value="">{t("all")}</option>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("apply")}
        </button>
      </form>
      {list.total === 0 ? (
        <p className="hint" data-testid="actions-empty">
          {t("empty")}
        </p>
      ) : list.actions.length === 0 ? (
        <p className="hint" data-testid="actions-empty">
          {t("emptyFiltered")}
        </p>
      ) : (
        <>
          <p className="hint">{t("shown", { shown: list.actions.length, total: list.total })}</p>
          <table data-testid="actions-table">
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.action")}</th>
                <th scope="col">{t("columns.owner")}</th>
                <th scope="col">{t("columns.due")}</th>
                <th scope="col">{t("columns.status")}</th>
                <th scope="col">{t("columns.from")}</th>
              </tr>
            </thead>
            <tbody>
              {list.actions.map((action) => (
                <tr key={action.id} data-testid="action-row">
                  <th scope="row">{action.text}</th>
                  <td>{action.owner.name}</td>
                  <td>{formatDay(action.dueDate, locale)}</td>
                  <td>
                    <span className="badge">{t(`statuses.${action.status}`)}</span>
                    {action.note && <span className="hint"> {action.note}</span>}
                    {action.mayChange && (
                      <ActionForm action={changeActionStatusAction} submitLabel={t("saveStatus")} savedMessage={t("statusSaved")} secondary>
                        <input type="hidden" name="tableId" value={table.id} />
                        <input type="hidden" name="actionId" value={action.id} />
                        <div className="field">
                          <label htmlFor={`status-${action.id}`}>{t("newStatus", { action: action.text })}</label>
                          <select id={`status-${action.id}`} name="status" defaultValue={action.status}>
                            {ACTION_STATUSES.map((s) => (
                              <option key={s} value={s}>
                                {t(`statuses.${s}`)}
                              </option>
                            ))}
                          </select>
                        </div>
                        <div className="field">
                          <label htmlFor={`note-${action.id}`}>{t("note")}</label>
                          <input id={`note-${action.id}`} name="note" type="text" maxLength={1000} />
                        </div>
                      </ActionForm>
                    )}
                  </td>
                  <td>
                    <Link href={`/tables/${table.id}/meetings/${action.meeting.id}/minutes`}>
                      {t("fromDecision", { meeting: action.meeting.title, date: formatDate(action.meeting.startsAt, locale) })}
                    </Link>
                    <br />
                    <span className="hint">
                      {action.decision.text} ·{" "}
                      {action.decision.scope === "within_scope" && action.decision.decisionPower
                        ? tm("standing.within", { power: tp(action.decision.decisionPower) })
                        : tm("standing.advisory")}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
