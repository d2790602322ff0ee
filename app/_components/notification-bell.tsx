"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Icon } from "./icons.tsx";

/**
 * The bell in the header: a link to the notifications with the number unread. The layout renders
 * it with the count of the first page; moving to another page keeps the layout, so the count is
 * asked again then (it names nothing but a number).
 */
export function NotificationBell({ unread: rendered }: { unread: number }) {
  const t = useTranslations("notifications");
  const pathname = usePathname();
  const [unread, setUnread] = useState(rendered);
  const countedOn = useRef(pathname);

  useEffect(() => setUnread(rendered), [rendered]);

  useEffect(() => {
    if (countedOn.current === pathname) return;
    countedOn.current = pathname;
    let current = true;
    fetch("/api/notifications/unread", { cache: "no-store" })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { unread?: unknown } | null) => {
        if (current && typeof body?.unread === "number") setUnread(body.unread);
      })
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [pathname]);

  return (
    <Link href="/notifications" className="bell" data-testid="notification-bell" data-unread={unread}>
      <Icon name="bell" />
      {unread > 0 && (
        <span className="bell-count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
      <span className="visually-hidden">{t("bell", { count: unread })}</span>
    </Link>
  );
}
