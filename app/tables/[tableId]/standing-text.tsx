import { getLocale, getTranslations } from "next-intl/server";
import { formatDay } from "../../../features/shared/dates.ts";
import type { MandateStanding } from "../../../features/tables/mandates.ts";

export async function StandingText({ standing }: { standing: MandateStanding }) {
  const t = await getTranslations("mandate.standing");
  const locale = await getLocale();
  const day = (date: Date) => formatDay(date, locale, "long");
  switch (standing.state) {
    case "none":
      return <>{t("none")}</>;
    case "authoritative": {
      const tm = await getTranslations("mandate");
      const domains = standing.sharedDomains.map((d) => tm(`domainNames.${d}`)).join(", ");
      return <>{t("authoritative", { date: day(standing.until), domains })}</>;
    }
    case "advisory":
      return <>{t("advisory", { date: day(standing.until) })}</>;
    case "not_started":
      return <>{t("not_started", { date: day(standing.from) })}</>;
    case "lapsed":
      return <>{t("lapsed", { date: day(standing.since) })}</>;
  }
}
