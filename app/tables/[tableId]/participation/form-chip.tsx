import { getTranslations } from "next-intl/server";
import type { Form } from "../../../../features/participation/model.ts";
import { Icon, type IconName } from "../../../_components/icons.tsx";

// Each form has its own symbol, so the matrix never relies on colour alone.
const FORM_ICON: Record<Form, IconName> = {
  informing: "info",
  consultation: "message",
  shared_decision_power: "scale",
  sex_worker_led: "star",
  equal_combination: "infinity",
};

/** A participation form as a labelled chip with its symbol; "not set" when there is none. */
export async function FormChip({ form }: { form: Form | null }) {
  const t = await getTranslations("participation");
  return form ? (
    <span className={`form-chip form-${form}`}>
      <Icon name={FORM_ICON[form]} />
      {t(`forms.${form}`)}
    </span>
  ) : (
    <span className="hint">{t("notSet")}</span>
  );
}
