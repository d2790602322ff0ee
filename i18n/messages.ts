// Every language's messages, for code that formats outside a request (the minutes' pre-fill) and
// for tests. English is the reference: every file has its keys (features/shared/messages.test.ts).
import en from "../messages/en.json" with { type: "json" };
import es from "../messages/es.json" with { type: "json" };
import nl from "../messages/nl.json" with { type: "json" };
import type { Locale } from "./locales.ts";

export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = { nl, en, es };
