import { getTranslations } from "next-intl/server";

export type MeetingFieldValues = {
  title: string;
  address: string;
  onlineLink: string;
  languages: string[];
  interpretation: string;
  accessibilityNotes: string;
  safetyNotes: string;
  compensatesTravel: boolean;
  compensatesMeals: boolean;
};

export const EMPTY_MEETING: MeetingFieldValues = {
  title: "",
  address: "",
  onlineLink: "",
  languages: ["nl"],
  interpretation: "",
  accessibilityNotes: "",
  safetyNotes: "",
  compensatesTravel: false,
  compensatesMeals: false,
};

/** The details of a meeting, for scheduling one and for changing it. `prefix` keeps ids unique. */
export async function MeetingFields({ prefix, values }: { prefix: string; values: MeetingFieldValues }) {
  const t = await getTranslations("meetings.fields");
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <>
      <div className="field">
        <label htmlFor={id("title")}>{t("title")}</label>
        <input id={id("title")} name="title" type="text" maxLength={120} defaultValue={values.title} required />
      </div>
      <div className="field">
        <label htmlFor={id("address")}>{t("address")}</label>
        <textarea
          id={id("address")}
          name="address"
          rows={2}
          maxLength={500}
          defaultValue={values.address}
          aria-describedby={id("address-hint")}
        />
        <p className="hint" id={id("address-hint")}>
          {t("addressHint")}
        </p>
      </div>
      <div className="field">
        <label htmlFor={id("link")}>{t("onlineLink")}</label>
        <input id={id("link")} name="onlineLink" type="url" maxLength={500} defaultValue={values.onlineLink} placeholder="https://" />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={id("languages")}>{t("languages")}</label>
          <input
            id={id("languages")}
            name="languages"
            type="text"
            defaultValue={values.languages.join(", ")}
            aria-describedby={id("languages-hint")}
          />
          <p className="hint" id={id("languages-hint")}>
            {t("languagesHint")}
          </p>
        </div>
        <div className="field">
          <label htmlFor={id("interpretation")}>{t("interpretation")}</label>
          <input id={id("interpretation")} name="interpretation" type="text" maxLength={500} defaultValue={values.interpretation} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={id("access")}>{t("accessibilityNotes")}</label>
        <textarea id={id("access")} name="accessibilityNotes" rows={2} maxLength={2000} defaultValue={values.accessibilityNotes} />
      </div>
      <div className="field">
        <label htmlFor={id("safety")}>{t("safetyNotes")}</label>
        <textarea
          id={id("safety")}
          name="safetyNotes"
          rows={2}
          maxLength={2000}
          defaultValue={values.safetyNotes}
          placeholder={t("safetyPlaceholder")}
        />
      </div>
      <fieldset className="field">
        <legend>{t("compensation")}</legend>
        <label>
          <input type="checkbox" name="compensatesTravel" defaultChecked={values.compensatesTravel} /> {t("compensatesTravel")}
        </label>{" "}
        <label>
          <input type="checkbox" name="compensatesMeals" defaultChecked={values.compensatesMeals} /> {t("compensatesMeals")}
        </label>
      </fieldset>
    </>
  );
}
