// Server configuration, validated when a server process starts (never at build time).
import { z } from "zod";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Comma-separated IP addresses and CIDR ranges, e.g. "10.0.0.5, 2001:db8::/32". */
const addressList = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], { error: "must be an IP address or a CIDR range" })));

export const serverEnvSchema = z.object({
  DATABASE_URL: z.string().url(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  NEXTAUTH_URL: z.string().url().default("http://127.0.0.1:3000"),
  REALTIME_PORT: positiveInt(1234),
  REALTIME_URL: z.string().url().optional(),
  TAFEL_ALLOWED_ORIGINS: z.string().default(""),
  /** Proxies whose X-Forwarded-For is believed; any other sender's address is its socket's. */
  TAFEL_TRUSTED_PROXIES: addressList,
  SESSION_IDLE_MINUTES: positiveInt(480),
  SESSION_MAX_HOURS: positiveInt(24),
  /** Set when several realtime processes serve the same documents (scale-out). */
  REDIS_URL: z.string().url().optional(),
  /** The identity vault's key (32 bytes, base64); the start script requires it with DATABASE_URL. */
  TAFEL_VAULT_KEY: z.string().optional(),
  /** Days payout details are kept after the last payout (features/compensation/retention.ts). */
  TAFEL_VAULT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Days a new facilitator or treasurer may work before a second factor is required (0: at once). */
  TAFEL_SECOND_FACTOR_GRACE_DAYS: z.coerce.number().int().min(0).max(90).default(7),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

export function parseServerEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const result = serverEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid server environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

export function sessionLimitsFrom(env: Pick<ServerEnv, "SESSION_IDLE_MINUTES" | "SESSION_MAX_HOURS">) {
  return { idleMs: env.SESSION_IDLE_MINUTES * 60_000, maxMs: env.SESSION_MAX_HOURS * 3_600_000 };
}

export function allowedOrigins(env: Pick<ServerEnv, "NEXTAUTH_URL" | "TAFEL_ALLOWED_ORIGINS">): Set<string> {
  const extra = env.TAFEL_ALLOWED_ORIGINS.split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  return new Set([new URL(env.NEXTAUTH_URL).origin, ...extra.map((origin) => new URL(origin).origin)]);
}
