import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "../../../features/shared/dates.ts";
import type { chairDeclarations } from "../../../features/tables/chair.ts";
import { appointChairAction, signChairDeclarationAction } from "../../_actions/governance.ts";
import { ActionForm } from "../../_components/action-form.tsx";
import { Icon } from "../../_components/icons.tsx";
import type { Table } from "./section-types.ts";

type Chairs = Awaited<ReturnType<typeof chairDeclarations>>;

export async function ChairSection({ table, chairs }: { table: Table; chairs: Chairs }) {
  const t = await getTranslations("chair");
  const tr = await getTranslations("roles");
  const locale = await getLocale();
  const candidates = table.members.filter((m) => m.role !== "chair" && m.role !== "delegate" && !m.partyId);
  const mine = chairs.find((chair) => chair.membershipId === table.myMembershipId);
  return (
    <section aria-labelledby="chair">
      <h2 id="chair">{t("title")}</h2>
      {chairs.length === 0 ? (
        <p className="hint">{t("none")}</p>
      ) : (
        <ul className="plain-list" data-testid="chair-list">
          {chairs.map((chair) => (
            <li key={chair.membershipId} style={{ display: "block" }}>
              <strong>{chair.pseudonym}</strong>{" "}
              {chair.declaration ? (
                <>
                  <span className="badge state-met">
                    <Icon name="check" />
                    {t("declared", { date: formatDate(chair.declaration.signedAt, locale, "long") })}
                  </span>
                  <br />
                  <span className="hint">
                    {chair.declaration.appointer.kind === "member"
                      ? t("appointedBy", { pseudonym: chair.declaration.appointer.pseudonym })
                      : t(`appointer.${chair.declaration.appointer.kind}`)}
                    {" · "}
                    {t("ties", { ties: chair.declaration.declaredTies || t("noTies") })}
                  </span>
                </>
              ) : (
                <span className="badge state-not_met">
                  <Icon name="x" />
                  {t("undeclared")}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">{t("noVote")}</p>
      {mine && !mine.declaration && table.may["chair.declare"] && (
        <div className="card">
          <h3 style={{ marginTop: 0 }}>{t("signTitle")}</h3>
          <p>{t("signLead")}</p>
          <ActionForm action={signChairDeclarationAction} submitLabel={t("sign")} savedMessage={t("signed")}>
            <input type="hidden" name="tableId" value={table.id} />
            <div className="field">
              <label>
                <input type="checkbox" name="holdsPoliticalOffice" /> {t("holdOfficeMyself")}
              </label>
            </div>
            <div className="field">
              <label htmlFor="own-ties">{t("declaredTies")}</label>
              <textarea id="own-ties" name="declaredTies" rows={2} maxLength={2000} />
            </div>
          </ActionForm>
        </div>
      )}
      {table.may["table.roles.change"] && candidates.length > 0 && (
        <details className="card">
          <summary>{t("appoint")}</summary>
          <p className="hint">{t("declaration")}</p>
          <ActionForm action={appointChairAction} submitLabel={t("appoint")} savedMessage={t("appointed")}>
            <input type="hidden" name="tableId" value={table.id} />
            <div className="field">
              <label htmlFor="chair-member">{t("member")}</label>
              <select id="chair-member" name="membershipId">
                {table.members
                  .filter((m) => m.role !== "chair")
                  .map((m) => (
                    <option key={m.membershipId} value={m.membershipId}>
                      {m.pseudonym} ({tr(m.role)})
                    </option>
                  ))}
              </select>
            </div>
            <div className="field">
              <label>
                <input type="checkbox" name="holdsPoliticalOffice" /> {t("holdsPoliticalOffice")}
              </label>
            </div>
            <div className="field">
              <label htmlFor="chair-ties">{t("declaredTies")}</label>
              <textarea id="chair-ties" name="declaredTies" rows={2} maxLength={2000} />
            </div>
          </ActionForm>
        </details>
      )}
    </section>
  );
}
