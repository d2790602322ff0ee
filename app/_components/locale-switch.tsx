"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { LOCALE_NAMES, LOCALES } from "../../i18n/locales.ts";
import { setLocaleAction } from "../_actions/locale.ts";

const OPTIONS = LOCALES.map((locale) => ({ locale, label: LOCALE_NAMES[locale] }));

export function LocaleSwitch({ current }: { current: string }) {
  const t = useTranslations("nav");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <fieldset className="locale-switch" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className="visually-hidden">{t("language")}</legend>
      {OPTIONS.map((option) => (
        <button
          key={option.locale}
          type="button"
          lang={option.locale}
          aria-pressed={current === option.locale}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await setLocaleAction(option.locale);
              router.refresh();
            })
          }
        >
          {option.label}
        </button>
      ))}
    </fieldset>
  );
}
