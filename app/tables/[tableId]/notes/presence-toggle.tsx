"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { setPresenceAction } from "../../../_actions/settings.ts";

/** Switches presence for this account (remembered) and reconnects the editor with it. */
export function PresenceToggle({ enabled }: { enabled: boolean }) {
  const t = useTranslations("notes");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [checked, setChecked] = useState(enabled);
  return (
    <div className="row" style={{ alignItems: "center" }}>
      <label htmlFor="presence-toggle" style={{ display: "flex", gap: "0.5rem", alignItems: "center" }}>
        <input
          id="presence-toggle"
          type="checkbox"
          checked={checked}
          disabled={pending}
          aria-describedby="presence-hint"
          onChange={(event) => {
            const next = event.currentTarget.checked;
            setChecked(next);
            startTransition(async () => {
              await setPresenceAction(next);
              router.refresh();
            });
          }}
        />
        {t("presence")}
      </label>
      <span id="presence-hint" className="visually-hidden">
        {t("presenceHint")}
      </span>
    </div>
  );
}
