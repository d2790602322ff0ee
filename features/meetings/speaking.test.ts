import { describe, expect, it } from "vitest";
import { CHAIR_KEY, speakingBalance, type Turn, UNAFFILIATED_KEY } from "./speaking.ts";

const t0 = new Date("2026-11-10T18:30:00Z").getTime();
const at = (minutes: number) => new Date(t0 + minutes * 60_000);
const turn = (partyId: string | null, from: number, to: number | null, chair = false): Turn => ({
  partyId,
  chair,
  startedAt: at(from),
  endedAt: to === null ? null : at(to),
});
const minutesOf = (rows: ReturnType<typeof speakingBalance>) => Object.fromEntries(rows.map((r) => [r.key, r.ms / 60_000]));

describe("speaking time per party", () => {
  it("adds up each party's turns and lists present parties that have not spoken", () => {
    const rows = speakingBalance([turn("rll", 0, 5), turn("gemeente", 5, 8), turn("rll", 10, 12)], ["rll", "gemeente", "ggd"], at(60));
    expect(minutesOf(rows)).toEqual({ rll: 7, gemeente: 3, ggd: 0 });
    expect(rows.find((r) => r.key === "ggd")?.unheard).toBe(true);
    expect(rows.find((r) => r.key === "rll")?.share).toBeCloseTo(0.7);
  });

  it("ends an overlapping turn where the next speaker was called, so no minute counts twice", () => {
    const rows = speakingBalance([turn("rll", 0, 10), turn("gemeente", 4, 6)], ["rll", "gemeente"], at(60));
    expect(minutesOf(rows)).toEqual({ rll: 4, gemeente: 2 });
  });

  it("counts a running turn up to now", () => {
    expect(minutesOf(speakingBalance([turn("rll", 0, null)], ["rll"], at(3)))).toEqual({ rll: 3 });
  });

  it("keeps the chair's own time and guests without a party out of the parties' balance", () => {
    const rows = speakingBalance(
      [turn(null, 0, 2, true), turn("rll", 2, 6), turn(null, 6, 9), turn("bewoners", 9, 13)],
      ["rll", "bewoners"],
      at(60),
    );
    expect(minutesOf(rows)).toEqual({ rll: 4, bewoners: 4, [CHAIR_KEY]: 2, [UNAFFILIATED_KEY]: 3 });
    expect(rows.filter((r) => r.key === "rll" || r.key === "bewoners").map((r) => r.share)).toEqual([0.5, 0.5]);
    expect(rows.some((r) => r.dominant)).toBe(false);
  });

  it("flags a party that took more than twice its fair share", () => {
    const rows = speakingBalance([turn("gemeente", 0, 30), turn("rll", 30, 32), turn("ggd", 32, 34)], ["gemeente", "rll", "ggd"], at(60));
    expect(rows.filter((r) => r.dominant).map((r) => r.key)).toEqual(["gemeente"]);
  });

  it("never flags the only party present, and shows nothing spoken before anyone spoke", () => {
    expect(speakingBalance([turn("rll", 0, 10)], ["rll"], at(60))[0]?.dominant).toBe(false);
    expect(speakingBalance([], ["rll", "ggd"], at(0)).map((r) => [r.key, r.ms, r.unheard])).toEqual([
      ["rll", 0, true],
      ["ggd", 0, true],
    ]);
  });
});
