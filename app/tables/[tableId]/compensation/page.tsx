import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CATEGORIES } from "../../../../features/compensation/model.ts";
import { formatEuros, formatHundredths } from "../../../../features/compensation/money.ts";
import { compensationView } from "../../../../features/compensation/queries.ts";
import { readOwnVault } from "../../../../features/compensation/vault.ts";
import { isAppError } from "../../../../features/shared/app-error.ts";
import { formatDay } from "../../../../features/shared/dates.ts";
import { getDb } from "../../../../prisma/db.ts";
import {
  adjustAction,
  approveAction,
  claimAction,
  confirmAction,
  deleteVaultAction,
  disputeAction,
  payAction,
  proposeAction,
  reverseAction,
  saveVaultAction,
  setPolicyAction,
} from "../../../_actions/compensation.ts";
import { ActionForm } from "../../../_components/action-form.tsx";
import { loadTable } from "../load-table.ts";
import { TableHeader } from "../table-header.tsx";
import { BudgetChart } from "./budget-chart.tsx";

type Props = { params: Promise<{ tableId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/compensation`);
  return { title: `${(await getTranslations("compensation"))("title")} — ${table.title}` };
}

export default async function CompensationPage({ params }: Props) {
  const { tableId } = await params;
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/compensation`);
  const t = await getTranslations("compensation");
  const locale = await getLocale();
  const db = getDb();
  let view: Awaited<ReturnType<typeof compensationView>>;
  try {
    view = await compensationView(db, session.accountId, table.id);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return (
      <div className="stack">
        <TableHeader table={table} current="compensation" heading={t("title")} />
        <p className="hint">{t("notForYou")}</p>
      </div>
    );
  }
  const euros = (cents: number) => formatEuros(cents, locale);
  const hidden = (extra: Record<string, string> = {}) => (
    <>
      <input type="hidden" name="tableId" value={table.id} />
      {Object.entries(extra).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
  let vault: Record<string, string> = {};
  if (view.may.own) {
    try {
      vault = await readOwnVault(db, session.accountId, table.id);
    } catch (error) {
      if (!isAppError(error)) throw error;
    }
  }
  const attended = view.pastMeetings.filter((m) => m.attended);
  return (
    <div className="stack">
      <TableHeader table={table} current="compensation" heading={t("title")} />
      <p className="hint">{t("intro")}</p>
      {!view.policy && <p className="hint">{t("noPolicy")}</p>}

      {view.own && (
        <section aria-labelledby="own-heading" data-testid="own-compensation">
          <h2 id="own-heading">{t("own.title")}</h2>
          {view.own.lines.length === 0 ? (
            <p className="hint">{t("own.none")}</p>
          ) : (
            <ul className="plain-list">
              {view.own.lines.map((line) => (
                <li key={line.id} className="card" data-testid="own-entry" data-status={line.status}>
                  <div>
                    <strong>
                      {t(`categories.${line.category}`)}: {euros(line.amountCents)}
                    </strong>{" "}
                    — <span data-testid="entry-status">{t(`statuses.${line.status}`)}</span>
                    <br />
                    <span className="hint">
                      {formatDay(line.occurredOn, locale)} · {line.description}
                      {line.unit !== "receipt" &&
                        ` · ${formatHundredths(line.quantityHundredths, locale)} × ${euros(line.rateCents)} (${t(`units.${line.unit as "hour"}`)})`}
                      {" · "}
                      {t(`routes.${line.payoutRoute}`)}
                      {line.reversesId && ` · ${t("reversal")}`}
                    </span>
                    {line.dispute && <p>{t("own.disputeNote", { note: line.dispute })}</p>}
                  </div>
                  {(line.status === "proposed" || line.status === "disputed") && !line.reversesId && (
                    <ActionForm action={confirmAction} submitLabel={t("own.confirm")} savedMessage={t("own.confirmed")} className="row">
                      {hidden({ entryId: line.id })}
                      <div className="field">
                        <label htmlFor={`route-${line.id}`}>{t("own.route")}</label>
                        <select id={`route-${line.id}`} name="payoutRoute" defaultValue={line.payoutRoute}>
                          <option value="organisation">{t("routes.organisation")}</option>
                          <option value="person">{t("routes.person")}</option>
                        </select>
                      </div>
                    </ActionForm>
                  )}
                  {["proposed", "confirmed", "disputed"].includes(line.status) && !line.reversesId && (
                    <details>
                      <summary>{t("own.change")}</summary>
                      <ActionForm action={adjustAction} submitLabel={t("own.adjust")}>
                        {hidden({ entryId: line.id })}
                        <div className="field">
                          <label htmlFor={`adjust-${line.id}`}>{line.unit === "receipt" ? t("fields.amount") : t("fields.quantity")}</label>
                          <input
                            id={`adjust-${line.id}`}
                            name={line.unit === "receipt" ? "amount" : "quantity"}
                            inputMode="decimal"
                            required
                          />
                        </div>
                        <div className="field">
                          <label htmlFor={`adjust-note-${line.id}`}>{t("fields.why")}</label>
                          <input id={`adjust-note-${line.id}`} name="note" required maxLength={500} />
                        </div>
                      </ActionForm>
                      {line.status !== "disputed" && (
                        <ActionForm action={disputeAction} submitLabel={t("own.dispute")} secondary>
                          {hidden({ entryId: line.id })}
                          <div className="field">
                            <label htmlFor={`dispute-${line.id}`}>{t("fields.why")}</label>
                            <input id={`dispute-${line.id}`} name="note" required maxLength={500} />
                          </div>
                        </ActionForm>
                      )}
                    </details>
                  )}
                </li>
              ))}
            </ul>
          )}
          <p data-testid="own-total">{t("own.total", { total: euros(view.own.totals.total), paid: euros(view.own.totals.paid) })}</p>

          <details className="card">
            <summary>{t("claim.title")}</summary>
            <ActionForm action={claimAction} submitLabel={t("claim.submit")} savedMessage={t("claim.saved")}>
              {hidden()}
              <div className="field">
                <label htmlFor="claim-category">{t("fields.category")}</label>
                <select id="claim-category" name="category" defaultValue="travel">
                  {CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {t(`categories.${c}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="claim-unit">{t("fields.unit")}</label>
                <select id="claim-unit" name="unit" defaultValue="receipt">
                  {(["receipt", "km", "hour", "session", "review", "draft"] as const).map((u) => (
                    <option key={u} value={u}>
                      {t(`units.${u}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="claim-amount">{t("fields.amountIfReceipt")}</label>
                <input id="claim-amount" name="amount" inputMode="decimal" />
              </div>
              <div className="field">
                <label htmlFor="claim-quantity">{t("fields.quantityOtherwise")}</label>
                <input id="claim-quantity" name="quantity" inputMode="decimal" />
              </div>
              <div className="field">
                <label htmlFor="claim-meeting">{t("fields.meeting")}</label>
                <select id="claim-meeting" name="meetingId">
                  <option value="">{t("fields.noMeeting")}</option>
                  {attended.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.title} ({formatDay(m.startsAt, locale)})
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="claim-description">{t("fields.description")}</label>
                <input id="claim-description" name="description" maxLength={500} />
              </div>
              <div className="field">
                <label htmlFor="claim-route">{t("own.route")}</label>
                <select id="claim-route" name="payoutRoute" defaultValue={view.member.partyId ? "organisation" : "person"}>
                  <option value="organisation">{t("routes.organisation")}</option>
                  <option value="person">{t("routes.person")}</option>
                </select>
              </div>
            </ActionForm>
          </details>

          <details className="card">
            <summary>{t("vault.title")}</summary>
            <p className="hint">{t("vault.explain")}</p>
            <ActionForm action={saveVaultAction} submitLabel={t("vault.save")} savedMessage={t("vault.saved")}>
              {hidden()}
              <div className="field">
                <label htmlFor="vault-name">{t("vault.legal_name")}</label>
                <input id="vault-name" name="legal_name" defaultValue={vault.legal_name ?? ""} autoComplete="off" />
              </div>
              <div className="field">
                <label htmlFor="vault-address">{t("vault.address")}</label>
                <input id="vault-address" name="address" defaultValue={vault.address ?? ""} autoComplete="off" />
              </div>
              <div className="field">
                <label htmlFor="vault-iban">{t("vault.iban")}</label>
                <input id="vault-iban" name="iban" defaultValue={vault.iban ?? ""} autoComplete="off" />
              </div>
            </ActionForm>
            {Object.keys(vault).length > 0 && (
              <ActionForm action={deleteVaultAction} submitLabel={t("vault.delete")} savedMessage={t("vault.deleted")} secondary>
                {hidden()}
              </ActionForm>
            )}
          </details>
        </section>
      )}

      {view.budget && view.policy && (
        <section aria-labelledby="budget-heading" data-testid="budget">
          <h2 id="budget-heading">{t("budget.title")}</h2>
          <p>
            {t("budget.summary", {
              budget: euros(view.policy.budgetCents),
              committed: euros(view.budget.totals.committed),
              approved: euros(view.budget.totals.approved),
              paid: euros(view.budget.totals.paid),
              proposed: euros(view.budget.totals.proposed),
            })}
            {view.policy.budgetSource && ` (${t("budget.source", { source: view.policy.budgetSource })})`}
          </p>
          {view.budget.warning !== "ok" && (
            <p role="alert" className="warning" data-testid="budget-warning">
              {t(`budget.${view.budget.warning}`)}
            </p>
          )}
          <BudgetChart
            label={t("budget.chart")}
            budgetCents={view.policy.budgetCents}
            rows={CATEGORIES.map((c) => ({
              key: c,
              label: t(`categories.${c}`),
              cents: view.budget?.byCategory.get(c)?.total ?? 0,
              shown: euros(view.budget?.byCategory.get(c)?.total ?? 0),
            }))}
          />
          <table className="data-table" data-testid="budget-categories">
            <caption>{t("budget.byCategory")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.category")}</th>
                {(["proposed", "confirmed", "approved", "paid", "total"] as const).map((s) => (
                  <th key={s} scope="col">
                    {t(`columns.${s}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {CATEGORIES.map((c) => {
                const row = view.budget?.byCategory.get(c);
                return (
                  <tr key={c}>
                    <th scope="row">{t(`categories.${c}`)}</th>
                    {(["proposed", "confirmed", "approved", "paid", "total"] as const).map((s) => (
                      <td key={s}>{euros(row?.[s] ?? 0)}</td>
                    ))}
                  </tr>
                );
              })}
              <tr>
                <th scope="row">{t("columns.total")}</th>
                {(["proposed", "confirmed", "approved", "paid", "total"] as const).map((s) => (
                  <td key={s} data-testid={`budget-total-${s}`}>
                    {euros(view.budget?.totals[s] ?? 0)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </section>
      )}

      {view.byParty && (
        <section aria-labelledby="party-heading">
          <h2 id="party-heading">{t("byParty")}</h2>
          <table className="data-table" data-testid="party-totals">
            <caption className="visually-hidden">{t("byParty")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.party")}</th>
                <th scope="col">{t("columns.committed")}</th>
                <th scope="col">{t("columns.total")}</th>
              </tr>
            </thead>
            <tbody>
              {view.byParty.map((p) => (
                <tr key={p.partyId ?? "none"}>
                  <th scope="row">{p.name || t("noParty")}</th>
                  <td>{euros(p.totals.committed)}</td>
                  <td>{euros(p.totals.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {view.all && (
        <section aria-labelledby="ledger-heading" data-testid="treasurer-ledger">
          <h2 id="ledger-heading">{t("ledger.title")}</h2>
          <p>
            {view.may.funder && <a href={`/tables/${table.id}/compensation/funder.csv`}>{t("ledger.funderCsv")}</a>}
            {view.may.payout && (
              <>
                {" · "}
                <a href={`/tables/${table.id}/compensation/payout.csv`}>{t("ledger.payoutCsv")}</a>
              </>
            )}
          </p>
          <ul className="plain-list">
            {view.all.map((line) => (
              <li key={line.id} className="card" data-testid="ledger-entry" data-status={line.status}>
                <div>
                  <strong>{line.pseudonym ?? t("formerMember")}</strong> — {t(`categories.${line.category}`)}: {euros(line.amountCents)} —{" "}
                  <span data-testid="entry-status">{t(`statuses.${line.status}`)}</span>
                  <br />
                  <span className="hint">
                    {formatDay(line.occurredOn, locale)} · {line.description} · {t(`routes.${line.payoutRoute}`)}
                    {line.reversesId && ` · ${t("reversal")}`}
                    {line.reversed && ` · ${t("reversed")}`}
                  </span>
                  {line.dispute && <p>{t("own.disputeNote", { note: line.dispute })}</p>}
                </div>
                {line.membershipId !== view.member.id && (
                  <div className="row">
                    {line.status === "confirmed" && (
                      <ActionForm action={approveAction} submitLabel={t("ledger.approve")}>
                        {hidden({ entryId: line.id })}
                      </ActionForm>
                    )}
                    {line.status === "approved" && (
                      <ActionForm action={payAction} submitLabel={t("ledger.pay")}>
                        {hidden({ entryId: line.id })}
                      </ActionForm>
                    )}
                    {["confirmed", "approved", "paid"].includes(line.status) && !line.reversesId && !line.reversed && (
                      <details>
                        <summary>{t("ledger.reverse")}</summary>
                        <ActionForm action={reverseAction} submitLabel={t("ledger.reverse")} secondary>
                          {hidden({ entryId: line.id })}
                          <div className="field">
                            <label htmlFor={`reverse-${line.id}`}>{t("fields.why")}</label>
                            <input id={`reverse-${line.id}`} name="note" required maxLength={500} />
                          </div>
                        </ActionForm>
                      </details>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {view.may.propose && view.pastMeetings.length > 0 && (
        <section aria-labelledby="propose-heading">
          <h2 id="propose-heading">{t("propose.title")}</h2>
          <p className="hint">{t("propose.explain")}</p>
          <ActionForm action={proposeAction} submitLabel={t("propose.submit")} savedMessage={t("propose.saved")} className="row">
            {hidden()}
            <div className="field">
              <label htmlFor="propose-meeting">{t("fields.meeting")}</label>
              <select id="propose-meeting" name="meetingId">
                {view.pastMeetings.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title} ({formatDay(m.startsAt, locale)})
                  </option>
                ))}
              </select>
            </div>
          </ActionForm>
        </section>
      )}

      {view.may.policy && (
        <section aria-labelledby="policy-heading">
          <h2 id="policy-heading">{t("policy.title")}</h2>
          <details className="card">
            <summary>{t("policy.change")}</summary>
            <ActionForm action={setPolicyAction} submitLabel={t("policy.save")} savedMessage={t("policy.saved")}>
              {hidden()}
              <div className="field">
                <label htmlFor="policy-validFrom">{t("policy.validFrom")}</label>
                <input id="policy-validFrom" name="validFrom" type="date" required />
              </div>
              {(
                [
                  ["hourRate", view.policy?.hourRateCents],
                  ["sessionRate", view.policy?.sessionRateCents],
                  ["reviewRate", view.policy?.reviewRateCents],
                  ["draftRate", view.policy?.draftRateCents],
                  ["kmRate", view.policy?.kmRateCents],
                  ["timeCap", view.policy?.timeCapCents],
                  ["workCap", view.policy?.workCapCents],
                  ["travelCap", view.policy?.travelCapCents],
                  ["mealCap", view.policy?.mealCapCents],
                  ["otherCap", view.policy?.otherCapCents],
                  ["budget", view.policy?.budgetCents],
                ] as const
              ).map(([name, cents]) => (
                <div className="field" key={name}>
                  <label htmlFor={`policy-${name}`}>{t(`policy.${name}`)}</label>
                  <input
                    id={`policy-${name}`}
                    name={name}
                    inputMode="decimal"
                    defaultValue={cents === null || cents === undefined ? "" : (cents / 100).toFixed(2)}
                  />
                </div>
              ))}
              <div className="field">
                <label htmlFor="policy-budgetSource">{t("policy.budgetSource")}</label>
                <input id="policy-budgetSource" name="budgetSource" defaultValue={view.policy?.budgetSource ?? ""} />
              </div>
              <label>
                <input type="checkbox" name="showPartyTotals" defaultChecked={view.policy?.showPartyTotals ?? false} />{" "}
                {t("policy.showPartyTotals")}
              </label>
            </ActionForm>
          </details>
        </section>
      )}
    </div>
  );
}
