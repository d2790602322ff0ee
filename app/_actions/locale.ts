"use server";
import { cookies } from "next/headers";
import { setLocale } from "../../features/identity/accounts.ts";
import { LOCALE_COOKIE, toLocale } from "../../i18n/locales.ts";
import { getDb } from "../../prisma/db.ts";
import { currentSession } from "../_server/session.ts";

export async function setLocaleAction(value: string): Promise<void> {
  const locale = toLocale(value);
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 86_400, sameSite: "lax", httpOnly: false });
  const session = await currentSession();
  if (session) await setLocale(getDb(), session.accountId, locale);
}
