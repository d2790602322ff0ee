"use client";
// The independence declaration a chair signs while accepting a chair invitation, in the accept form
// and in the sign-up form that accepts at once. The server refuses the invitation without it.
import { useTranslations } from "next-intl";

export function ChairDeclarationFields() {
  const t = useTranslations("chair");
  return (
    <fieldset className="field" data-testid="chair-declaration">
      <legend>{t("signTitle")}</legend>
      <p className="hint">{t("signLead")}</p>
      <div className="field">
        <label>
          <input type="checkbox" name="declarationSigned" /> {t("signOnAccept")}
        </label>
      </div>
      <div className="field">
        <label>
          <input type="checkbox" name="holdsPoliticalOffice" /> {t("holdOfficeMyself")}
        </label>
      </div>
      <div className="field">
        <label htmlFor="accept-ties">{t("declaredTies")}</label>
        <textarea id="accept-ties" name="declaredTies" rows={2} maxLength={2000} />
      </div>
    </fieldset>
  );
}
