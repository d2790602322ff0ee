// Runs once when the server starts: a misconfigured server stops here with a clear message
// instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { parseServerEnv } = await import("./features/config/env.ts");
    parseServerEnv();
  }
}
