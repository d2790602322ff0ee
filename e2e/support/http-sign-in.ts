// Sign-in over plain HTTP from a chosen loopback address (Linux routes all of 127.0.0.0/8 to the
// same host), so a test can be "another computer" and send whatever headers it likes.
import { request } from "node:http";

const port = Number(process.env.E2E_PORT ?? 3103);

function call(
  from: string,
  method: "GET" | "POST",
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; cookies: string[]; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method, headers, localAddress: from, agent: false }, (res) => {
      let text = "";
      res.on("data", (chunk) => {
        text += String(chunk);
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, cookies: (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0] ?? ""), body: text }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Signs in through next-auth's credentials endpoint; answers "ok" or the error code it reports. */
export async function signInOverHttp(options: {
  from: string;
  headers?: Record<string, string>;
  signInName: string;
  passphrase: string;
}): Promise<string> {
  const csrf = await call(options.from, "GET", "/api/auth/csrf", options.headers ?? {});
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, signInName: options.signInName, passphrase: options.passphrase, json: "true" });
  const result = await call(
    options.from,
    "POST",
    "/api/auth/callback/credentials",
    { ...options.headers, cookie: csrf.cookies.join("; "), "content-type": "application/x-www-form-urlencoded" },
    form.toString(),
  );
  const { url } = JSON.parse(result.body) as { url: string };
  const error = new URL(url).searchParams.get("error");
  return error ? (error.split("|")[0] ?? error) : "ok";
}
