// Several realtime processes serving the same documents share Redis pub/sub: a node publishes each
// update after storing it and each accepted awareness change; the others pass them on to their own
// connections. The database stays the source of truth (a node loading a document reads it there),
// so Redis carries nothing that would be lost with it. A node subscribes to a document's channels
// before it loads the document, so nothing stored in between is missed.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

export type Fanout = {
  join(name: string): Promise<void>;
  leave(name: string): void;
  publishUpdate(name: string, update: Uint8Array): void;
  publishAwareness(name: string, update: Uint8Array): void;
  onUpdate(handler: (name: string, update: Uint8Array) => void): void;
  onAwareness(handler: (name: string, update: Uint8Array) => void): void;
  /** A meeting's console changed on another node: read its state again (it carries no state itself). */
  joinNotices(name: string): Promise<void>;
  leaveNotices(name: string): void;
  publishNotice(name: string): void;
  onNotice(handler: (name: string) => void): void;
  /** Called after Redis came back: messages may have been missed meanwhile. */
  onReconnect(handler: () => void): void;
  close(): Promise<void>;
};

const UPDATE = "tafel:update:";
const AWARENESS = "tafel:awareness:";
const NOTICE = "tafel:notice:";
const NODE_ID_BYTES = 8;

export function redisFanout(url: string, log: (line: string) => void): Fanout {
  const node = randomBytes(NODE_ID_BYTES);
  const options = { maxRetriesPerRequest: null, enableOfflineQueue: true, lazyConnect: false } as const;
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, options);
  for (const [name, client] of [
    ["publisher", publisher],
    ["subscriber", subscriber],
  ] as const) {
    client.on("error", (error: Error) => log(`redis ${name}: ${error.message}`));
  }
  let updateHandler: (name: string, update: Uint8Array) => void = () => {};
  let awarenessHandler: (name: string, update: Uint8Array) => void = () => {};
  let reconnectHandler: () => void = () => {};
  let noticeHandler: (name: string) => void = () => {};
  let wasReady = false;
  subscriber.on("ready", () => {
    if (wasReady) reconnectHandler();
    wasReady = true;
  });

  subscriber.on("messageBuffer", (channelBuffer: Buffer, message: Buffer) => {
    // Our own messages come back too; skip them.
    if (message.length < NODE_ID_BYTES || node.equals(message.subarray(0, NODE_ID_BYTES))) return;
    const channel = channelBuffer.toString();
    const payload = new Uint8Array(message.buffer, message.byteOffset + NODE_ID_BYTES, message.length - NODE_ID_BYTES);
    if (channel.startsWith(UPDATE)) updateHandler(channel.slice(UPDATE.length), payload);
    else if (channel.startsWith(AWARENESS)) awarenessHandler(channel.slice(AWARENESS.length), payload);
    else if (channel.startsWith(NOTICE)) noticeHandler(channel.slice(NOTICE.length));
  });

  const publish = (channel: string, bytes: Uint8Array) => {
    publisher.publish(channel, Buffer.concat([node, bytes])).catch((error: Error) => log(`redis publish failed: ${error.message}`));
  };

  return {
    join: async (name) => {
      await subscriber.subscribe(UPDATE + name, AWARENESS + name);
    },
    leave: (name) => {
      subscriber.unsubscribe(UPDATE + name, AWARENESS + name).catch(() => {});
    },
    joinNotices: async (name) => {
      await subscriber.subscribe(NOTICE + name);
    },
    leaveNotices: (name) => {
      subscriber.unsubscribe(NOTICE + name).catch(() => {});
    },
    publishNotice: (name) => publish(NOTICE + name, new Uint8Array(0)),
    onNotice: (handler) => {
      noticeHandler = handler;
    },
    publishUpdate: (name, update) => publish(UPDATE + name, update),
    publishAwareness: (name, update) => publish(AWARENESS + name, update),
    onUpdate: (handler) => {
      updateHandler = handler;
    },
    onAwareness: (handler) => {
      awarenessHandler = handler;
    },
    onReconnect: (handler) => {
      reconnectHandler = handler;
    },
    close: async () => {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
