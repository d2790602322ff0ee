// What the person agreed to, when, and to which version of the text; the two choices can be
// changed here (each change is recorded), the terms end only with the account.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ConsentState } from "../../features/identity/consent.ts";
import { formatDateTime } from "../../features/shared/dates.ts";
import { setAttributionDefaultAction, setListedAction } from "../_actions/settings.ts";
import { ActionForm } from "../_components/action-form.tsx";

export async function ConsentSection({ consents }: { consents: ConsentState[] }) {
  const t = await getTranslations("settings");
  const ta = await getTranslations("auth");
  const locale = await getLocale();
  const of = (kind: ConsentState["kind"]) => consents.find((c) => c.kind === kind);
  const listed = of("listed_by_pseudonym");
  const attribution = of("attribution_default");
  const given = (state: ConsentState | undefined) =>
    state?.current
      ? t("consentGiven", { at: formatDateTime(state.current.givenAt, locale), version: state.current.textVersion })
      : t("consentNotGiven");
  return (
    <section className="card" aria-labelledby="consent-heading" data-testid="consents">
      <h2 id="consent-heading" style={{ marginTop: 0 }}>
        {t("consentHeading")}
      </h2>
      <p className="hint">{t("consentLead")}</p>
      <h3>{t("consentTermsHeading")}</h3>
      <p>
        {given(of("terms"))} <Link href="/terms">{t("consentReadTerms")}</Link>
      </p>
      <p className="hint">{t("consentTermsEnd")}</p>

      <h3>{t("consentListedHeading")}</h3>
      <p data-testid="consent-listed-state">{given(listed)}</p>
      <ActionForm action={setListedAction} submitLabel={t("consentSave")} savedMessage={t("consentSaved")} secondary>
        <label>
          <input type="checkbox" name="listed" defaultChecked={listed?.current !== null} /> {ta("consentListed")}
        </label>
        <p className="hint">{ta("consentListedHint")}</p>
      </ActionForm>

      <h3>{t("consentAttributionHeading")}</h3>
      <p>{given(attribution)}</p>
      <ActionForm action={setAttributionDefaultAction} submitLabel={t("consentSave")} savedMessage={t("consentSaved")} secondary>
        <fieldset className="field">
          <legend>{ta("consentAttribution")}</legend>
          <label style={{ display: "block" }}>
            <input
              type="radio"
              name="attribution"
              value="organisation"
              defaultChecked={!["person", "anonymous"].includes(attribution?.current?.choice ?? "")}
            />{" "}
            {ta("consentAttributionOrganisation")}
          </label>
          <label style={{ display: "block" }}>
            <input type="radio" name="attribution" value="person" defaultChecked={attribution?.current?.choice === "person"} />{" "}
            {ta("consentAttributionPerson")}
          </label>
          <label style={{ display: "block" }}>
            <input type="radio" name="attribution" value="anonymous" defaultChecked={attribution?.current?.choice === "anonymous"} />{" "}
            {ta("consentAttributionAnonymous")}
          </label>
        </fieldset>
      </ActionForm>
      {consents.some((c) => c.history.length > 0) && (
        <details>
          <summary>{t("consentHistory")}</summary>
          <ul>
            {consents.flatMap((c) =>
              c.history.map((h) => (
                <li key={`${c.kind}-${h.givenAt.toISOString()}`}>
                  {t(`consentKinds.${c.kind}`)}: {formatDateTime(h.givenAt, locale)} ({t("consentVersion", { version: h.textVersion })})
                  {h.choice &&
                    ` — ${ta(h.choice === "person" ? "consentAttributionPerson" : h.choice === "anonymous" ? "consentAttributionAnonymous" : "consentAttributionOrganisation")}`}
                  {h.withdrawnAt && ` — ${t("consentWithdrawnAt", { at: formatDateTime(h.withdrawnAt, locale) })}`}
                </li>
              )),
            )}
          </ul>
        </details>
      )}
    </section>
  );
}
