"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { deviceTimeZone, formatDateTimeIn, TIME_ZONE } from "../../../../features/shared/dates.ts";

/**
 * The time in the viewer's own zone, next to the Amsterdam time the page shows, when the two
 * differ (someone travelling or living across a border). Known only in the browser.
 */
export function OwnTime({ at, locale }: { at: string; locale: string }) {
  const t = useTranslations("meetings");
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => setZone(deviceTimeZone()), []);
  if (!zone || zone === TIME_ZONE) return null;
  return (
    <span className="hint" data-testid="own-time">
      {" "}
      ({t("ownTime", { time: formatDateTimeIn(new Date(at), locale, zone), zone })})
    </span>
  );
}
