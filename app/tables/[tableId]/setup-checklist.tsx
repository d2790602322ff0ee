import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SetupProgress, SetupStep } from "../../../features/tables/setup.ts";

// Where each step is settled.
const STEP_PAGE: Record<SetupStep, string> = {
  question: "",
  parties: "/parties",
  mandate: "/mandate",
  chair: "/chair",
  invitations: "/members",
};

/** The guided setup: the five steps with what is done and a link to each one still missing. */
export async function SetupChecklist({ tableId, progress }: { tableId: string; progress: SetupProgress }) {
  const t = await getTranslations("setup");
  const done = progress.steps.filter((s) => s.done).length;
  return (
    <section aria-labelledby="setup-heading" className="card" data-testid="setup">
      <h2 id="setup-heading" style={{ marginTop: 0 }}>
        {t("title")}
      </h2>
      <p className="hint">{t("progress", { done, total: progress.steps.length })}</p>
      <ol className="setup-steps">
        {progress.steps.map(({ step, done }) => (
          <li key={step} data-step={step} data-done={done}>
            <span className={`badge state-${done ? "met" : "not_met"}`}>{done ? t("done") : t("todo")}</span>{" "}
            {done ? (
              <span>{t(`steps.${step}.title`)}</span>
            ) : (
              <span>
                <Link href={`/tables/${tableId}${STEP_PAGE[step]}${step === "question" ? "#about" : ""}`}>{t(`steps.${step}.title`)}</Link>
                <br />
                <span className="hint">{t(`steps.${step}.missing`)}</span>
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
