// The messages a browser needs: only the namespaces that client components translate with. Sending
// every message with every page (about 110 KB, serialised twice: once in the page and once in its
// React payload) was the largest single cost of rendering a page. A namespace used by a client
// component but missing here shows its key instead of its text; i18n/client-messages.test.ts finds
// every namespace the components ask for and fails when one is not listed.

type MessageTree = { [key: string]: string | MessageTree };

/** Namespaces (or dotted sub-namespaces) that components running in the browser translate with. */
export const CLIENT_NAMESPACES = [
  "auth",
  "chair",
  "console",
  "decisionRules",
  "errors",
  "facts",
  "home",
  "invite",
  "mandate",
  "meetings",
  "nav",
  "notes",
  "notifications",
  "participation.forms",
  "personalData.erase",
  "problem.answers",
  "roles",
  "secondFactor",
  "settings",
  "table",
] as const;

/** The part of `messages` under the client namespaces, with the same shape. */
export function clientMessages(messages: MessageTree): MessageTree {
  const picked: MessageTree = {};
  for (const namespace of CLIENT_NAMESPACES) {
    const [head, ...rest] = namespace.split(".") as [string, ...string[]];
    let source = messages[head];
    let target = picked;
    let key = head;
    for (const next of rest) {
      if (typeof source !== "object") break;
      if (typeof target[key] !== "object") target[key] = {};
      target = target[key] as MessageTree;
      source = source[next];
      key = next;
    }
    if (source !== undefined) target[key] = source;
  }
  return picked;
}
