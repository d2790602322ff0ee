/** Only same-site paths: a crafted link must not send people elsewhere after signing in. */
export function safeReturnPath(value: string | undefined | null): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
