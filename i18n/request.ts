import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, toLocale } from "./locales.ts";

// The locale is remembered in a cookie (and on the account); Dutch unless chosen otherwise. An
// export in a table's language asks for that language (getTranslations({ locale })), whatever the
// reader's own.
export default getRequestConfig(async ({ locale: requested }) => {
  const locale = toLocale(requested ?? (await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    timeZone: "Europe/Amsterdam",
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
