import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notificationsOf } from "../../features/notifications/queries.ts";
import { formatDateTime } from "../../features/shared/dates.ts";
import { getDb } from "../../prisma/db.ts";
import { requireSession } from "../_server/session.ts";
import { MarkAllRead } from "./mark-all-read.tsx";
import { OpenNotificationButton } from "./open-button.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

// Looking at the list marks nothing read: only opening a notification, or marking all, does.
export default async function NotificationsPage() {
  const session = await requireSession("/notifications");
  const t = await getTranslations("notifications");
  const locale = await getLocale();
  const notifications = await notificationsOf(getDb(), session.accountId);
  return (
    <div className="stack">
      <h1>{t("title")}</h1>
      <p className="hint">{t("lead")}</p>
      {notifications.length === 0 ? (
        <p data-testid="notifications-empty">{t("empty")}</p>
      ) : (
        <>
          <MarkAllRead />
          <ul className="plain-list notification-list" aria-label={t("listLabel")}>
            {notifications.map((notification) => {
              const text = t(`kinds.${notification.kind}`);
              return (
                <li
                  key={notification.id}
                  className={notification.read ? "notification" : "notification notification-unread"}
                  data-testid="notification"
                  data-read={notification.read}
                >
                  <span className="notification-text">
                    {!notification.read && <span className="badge badge-new">{t("unread")}</span>} {text}
                    <br />
                    <time className="hint" dateTime={notification.createdAt.toISOString()}>
                      {formatDateTime(notification.createdAt, locale)}
                    </time>
                  </span>
                  {notification.link ? (
                    <OpenNotificationButton notificationId={notification.id} label={t("openLabel", { text })} />
                  ) : (
                    <span className="hint">{t("noPage")}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
