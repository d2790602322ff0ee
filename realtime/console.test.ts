// The meeting console's live channel: members' clients converge on the state the server derives
// from stored rows, get it whole after a reconnect or a restart of the realtime process, and
// forged commands are refused with nothing stored. On PostgreSQL, two nodes sharing Redis serve
// one meeting together.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import WebSocket from "ws";
import { addAgendaItem, scheduleMeeting } from "../features/meetings/commands.ts";
import { ConsoleSocket } from "../features/meetings/console-socket.ts";
import type { ConsoleState } from "../features/meetings/console-state.ts";
import { type TestDatabase, testDatabase } from "../test/database.ts";
import { makeFactTable } from "../test/fact-table.ts";
import { redisAvailable, startRedis } from "../test/redis.ts";
import { redisFanout } from "./fanout.ts";
import type { RealtimeServer } from "./server.ts";
import { ORIGIN, outsider, type Person, signedIn, startServer, waitFor } from "./test-support.ts";

const onPostgres = Boolean(inject("pgTemplate"));

let t: TestDatabase;
let at: Awaited<ReturnType<typeof makeFactTable>>;
let people: { chair: Person; rll: Person; bewoners: Person; observer: Person };
let meetingId: string;
let itemId: string;

beforeAll(async () => {
  t = await testDatabase();
  at = await makeFactTable(t.db);
  people = {
    chair: await signedIn(t.db, at.chair),
    rll: await signedIn(t.db, at.delegates.rll),
    bewoners: await signedIn(t.db, at.delegates.bewoners),
    observer: await signedIn(t.db, at.observer),
  };
  const soon = new Date(Date.now() + 60 * 60_000);
  const local = (d: Date) => d.toLocaleString("sv-SE", { timeZone: "Europe/Amsterdam" }).slice(0, 16).replace(" ", "T");
  const meeting = await scheduleMeeting(t.db, at.chair, at.tableId, {
    title: "Avondoverleg",
    startsAt: local(soon),
    endsAt: local(new Date(soon.getTime() + 2 * 60 * 60_000)),
  });
  meetingId = meeting.id;
  itemId = (await addAgendaItem(t.db, at.chair, at.tableId, meetingId, { title: "Venstertijden", purpose: "decide", timeboxMinutes: 20 }))
    .id;
});
afterAll(async () => {
  await t.close();
});

type Seat = { socket: ConsoleSocket; state: () => ConsoleState | null; hellos: () => number; close: () => void };

function seat(port: number, person: Person, meeting = meetingId): Seat {
  let latest: ConsoleState | null = null;
  let hellos = 0;
  const socket = new ConsoleSocket({
    url: `ws://127.0.0.1:${port}/console/${meeting}`,
    open: (url) => new WebSocket(url, { headers: { cookie: person.cookie, origin: ORIGIN } }) as never,
    onState: (state) => {
      latest = state;
    },
    onViewer: () => {
      hellos += 1;
    },
    maxBackoffMs: 200,
  });
  return { socket, state: () => latest, hellos: () => hellos, close: () => socket.close() };
}

function refusal(port: number, person: Person | null, meeting = meetingId): Promise<number> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { origin: ORIGIN };
    if (person) headers.cookie = person.cookie;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/console/${meeting}`, { headers });
    ws.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
    ws.on("open", () => {
      ws.close();
      resolve(101);
    });
    ws.on("error", () => {});
  });
}

async function until(seats: Seat[], check: (state: ConsoleState) => boolean, what: string) {
  await waitFor(
    () =>
      seats.every((s) => {
        const state = s.state();
        return state !== null && check(state);
      }),
    what,
  );
}

describe("the console's live channel", () => {
  let server: RealtimeServer;
  beforeAll(async () => {
    server = await startServer(t.db);
  });
  afterAll(async () => {
    await server.close();
  });

  it("admits members only", async () => {
    expect(await refusal(server.port, null)).toBe(401);
    expect(await refusal(server.port, await outsider(t.db))).toBe(404);
    expect(await refusal(server.port, people.observer, "00000000-0000-4000-8000-000000000000")).toBe(404);
    expect(await refusal(server.port, people.observer)).toBe(101);
  });

  it("keeps everyone's view in step with what the chair and delegates do", async () => {
    const seats = [
      seat(server.port, people.chair),
      seat(server.port, people.rll),
      seat(server.port, people.bewoners),
      seat(server.port, people.observer),
    ];
    try {
      await until(seats, (s) => s.meetingId === meetingId, "first state");
      const [chair, rll, bewoners] = seats as [Seat, Seat, Seat, Seat];
      expect(await chair.socket.send({ type: "session.open" })).toEqual({ ok: true });
      expect(await chair.socket.send({ type: "item.start", itemId })).toEqual({ ok: true });
      expect(await rll.socket.send({ type: "hand.raise" })).toEqual({ ok: true });
      expect(await bewoners.socket.send({ type: "hand.raise" })).toEqual({ ok: true });
      await until(
        seats,
        (s) => s.queue.map((turn) => turn.label).join() === "Saffier,Henk" && s.currentItem?.id === itemId,
        "the queue everywhere",
      );
      expect(await chair.socket.send({ type: "speaker.next" })).toEqual({ ok: true });
      await until(seats, (s) => s.speaking?.label === "Saffier" && s.queue.length === 1, "the speaker everywhere");
    } finally {
      for (const s of seats) s.close();
    }
  });

  it("refuses forged commands: a delegate calling a speaker, answering for another party, an observer raising a hand", async () => {
    const chair = seat(server.port, people.chair);
    const rll = seat(server.port, people.rll);
    const observer = seat(server.port, people.observer);
    try {
      await until([chair, rll, observer], (s) => s.running, "state");
      expect(await rll.socket.send({ type: "speaker.next" })).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await observer.socket.send({ type: "hand.raise" })).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await chair.socket.send({ type: "check.open", proposal: "Venstertijden tot 04:00" })).toEqual({ ok: true });
      await until([rll], (s) => s.check?.open === true, "the check");
      const roundId = rll.state()?.check?.id;
      // The party is taken from the membership: naming another party changes nothing.
      expect(await rll.socket.send({ type: "check.answer", roundId, answer: "support", partyId: at.parties.bewoners })).toEqual({
        ok: true,
      });
      expect(await chair.socket.send({ type: "check.answer", roundId, answer: "support" })).toEqual({ ok: false, code: "FORBIDDEN" });
      await until(
        [chair, observer],
        (s) => s.check?.parties.find((p) => p.name === "Stichting Rode Lantaarn")?.answer === "support",
        "the answer live",
      );
      expect(chair.state()?.check?.parties.find((p) => p.name === "Bewonersvereniging Oude Haven")?.answer).toBeNull();
      expect(await chair.socket.send({ type: "session.end" })).toEqual({ ok: false, code: "MEETING_CHECK_OPEN" });
      expect(await chair.socket.send({ type: "check.close", roundId })).toEqual({ ok: true });
    } finally {
      for (const s of [chair, rll, observer]) s.close();
    }
  });

  it("answers garbage with an error and stays up", async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/console/${meetingId}`, {
      headers: { cookie: people.rll.cookie, origin: ORIGIN },
    });
    const answers: string[] = [];
    ws.on("message", (data) => answers.push(String(data)));
    await new Promise((resolve) => ws.on("open", resolve));
    ws.send("{not json");
    ws.send(JSON.stringify({ id: 7, command: { type: "speaker.shout" } }));
    ws.send(Buffer.from([0, 1, 2]));
    await waitFor(() => answers.filter((a) => a.includes('"error"')).length === 3, "three errors");
    expect(answers.filter((a) => a.includes('"error"')).map((a) => JSON.parse(a).code)).toEqual([
      "CONSOLE_COMMAND_INVALID",
      "CONSOLE_COMMAND_INVALID",
      "CONSOLE_COMMAND_INVALID",
    ]);
    ws.close();
    expect(await refusal(server.port, people.observer)).toBe(101);
  });
});

describe("after a drop or a restart", () => {
  it("a client that reconnects sees the current state, derived again from the stored rows", async () => {
    const first = await startServer(t.db);
    const port = first.port;
    const chair = seat(port, people.chair);
    const rll = seat(port, people.rll);
    try {
      await until([chair, rll], (s) => s.running, "state");
      const before = rll.state()?.revision ?? 0;
      rll.socket.drop();
      expect(await chair.socket.send({ type: "speaker.next" })).toEqual({ ok: true });
      await until([rll], (s) => s.revision > before && s.speaking?.label === "Henk", "the missed change after reconnecting");
      await first.close();
      const second = await startServer(t.db, { port });
      try {
        await waitFor(() => chair.hellos() === 2 && rll.hellos() === 3, "both back on the restarted server");
        await until([chair, rll], (s) => s.speaking?.label === "Henk", "state after the restart");
        expect(await chair.socket.send({ type: "speaker.end" })).toEqual({ ok: true });
        await until([chair, rll], (s) => s.speaking === null, "the restarted server's pushes");
      } finally {
        chair.close();
        rll.close();
        await second.close();
      }
    } finally {
      chair.close();
      rll.close();
    }
  });
});

describe("two realtime nodes sharing Redis", () => {
  it("push every change to members on either node, each derived from the database", async () => {
    if (!onPostgres || !redisAvailable()) {
      console.log("console scale-out: runs on PostgreSQL with redis-server (two nodes cannot share the embedded database's one session)");
      expect(onPostgres && redisAvailable()).toBe(false);
      return;
    }
    const redis = await startRedis();
    const nodeA = await startServer(t.db, { fanout: redisFanout(redis.url, () => {}) });
    const nodeB = await startServer(t.db, { fanout: redisFanout(redis.url, () => {}) });
    const chair = seat(nodeA.port, people.chair);
    const bewoners = seat(nodeB.port, people.bewoners);
    try {
      await until([chair, bewoners], (s) => s.running, "state on both nodes");
      expect(await chair.socket.send({ type: "guest.add", label: "Mira", partyId: at.parties.rll })).toEqual({ ok: true });
      await until([bewoners], (s) => s.queue.some((turn) => turn.label === "Mira"), "the chair's change on the other node");
      expect(
        await bewoners.socket.send({ type: "hand.lower", turnId: bewoners.state()?.queue.find((q) => q.label === "Mira")?.id }),
      ).toEqual({
        ok: false,
        code: "FORBIDDEN",
      });
      const henk = bewoners.state()?.queue.find((q) => q.label === "Henk");
      if (henk) expect(await bewoners.socket.send({ type: "hand.lower", turnId: henk.id })).toEqual({ ok: true });
      expect(await bewoners.socket.send({ type: "hand.raise" })).toEqual({ ok: true });
      await until([chair, bewoners], (s) => s.queue.map((q) => q.label).join() === "Mira,Henk", "one order on both nodes");
      expect(chair.state()?.revision).toBe(bewoners.state()?.revision);
    } finally {
      chair.close();
      bewoners.close();
      await nodeA.close();
      await nodeB.close();
      await redis.stop();
    }
  });
});
