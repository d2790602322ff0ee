import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { unreadCount } from "../features/notifications/queries.ts";
import { formatDate } from "../features/shared/dates.ts";
import { clientMessages } from "../i18n/client-messages.ts";
import { getDb } from "../prisma/db.ts";
import { LocaleSwitch } from "./_components/locale-switch.tsx";
import { NotificationBell } from "./_components/notification-bell.tsx";
import { SignOutButton } from "./_components/sign-out-button.tsx";
import { currentSession, SECOND_FACTOR_PATH, secondFactorOf } from "./_server/session.ts";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { default: t("title"), template: `%s · ${t("title")}` },
    description: t("description"),
    manifest: "/manifest.webmanifest",
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
        { url: "/icon.svg", type: "image/svg+xml" },
      ],
      apple: [{ url: "/icons/apple-touch-icon.png", sizes: "180x180" }],
    },
    appleWebApp: { capable: true, title: "Tafel", statusBarStyle: "default" },
  };
}

export const viewport: Viewport = { themeColor: "#1d4f91", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  // The frame is shown on the second factor's own page too, so it does not send anyone there.
  const session = await currentSession({ secondFactorSetup: true });
  const unread = session ? await unreadCount(getDb(), session.accountId) : 0;
  const secondFactor = session ? await secondFactorOf(session.accountId) : null;
  const tSecondFactor = await getTranslations("secondFactor");
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#content">
          {t("skip")}
        </a>
        <NextIntlClientProvider messages={clientMessages(await getMessages())}>
          <header className="site-header">
            <Link href="/" className="brand" aria-label={t("home")}>
              Tafel
            </Link>
            <nav aria-label={t("main")}>
              <ul>
                {session ? (
                  <>
                    <li>
                      <Link href="/">{t("myTables")}</Link>
                    </li>
                    <li>
                      <NotificationBell unread={unread} />
                    </li>
                    <li>
                      <Link href="/settings">{t("settings")}</Link>
                    </li>
                    <li>
                      <span className="badge">{t("signedInAs", { pseudonym: session.pseudonym })}</span>
                    </li>
                    <li>
                      <SignOutButton />
                    </li>
                  </>
                ) : (
                  <>
                    <li>
                      <Link href="/sign-in">{t("signIn")}</Link>
                    </li>
                    <li>
                      <Link href="/sign-up">{t("signUp")}</Link>
                    </li>
                  </>
                )}
                <li>
                  <Link href="/governance">{t("governanceMap")}</Link>
                </li>
                <li>
                  <LocaleSwitch current={locale} />
                </li>
              </ul>
            </nav>
          </header>
          {secondFactor?.requirement === "due" && secondFactor.dueAt && (
            <aside className="alert alert-info second-factor-banner" aria-label={tSecondFactor("title")}>
              <p>{tSecondFactor("bannerDue", { at: formatDate(secondFactor.dueAt, locale) })}</p>
              <Link href={SECOND_FACTOR_PATH}>{tSecondFactor("bannerLink")}</Link>
            </aside>
          )}
          <main id="content">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
