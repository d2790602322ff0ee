"use client";
import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False in the server's HTML and while the page is being hydrated, true once React handles
 * events. Submit buttons wait for it: a click before that would be the browser's own submit,
 * which reloads the page and loses what was typed.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
