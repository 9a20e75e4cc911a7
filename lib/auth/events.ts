import "server-only";
import { randomUUID } from "node:crypto";
import { getDb, type PrismaClient } from "@/lib/db";
import { sqlDate, type Statement } from "@/lib/write-together";
import type { RequestContext } from "@/lib/request-context";
import type { StrategyId } from "./names";

// The auth event log: what happened, to whom, through which strategy. Never a secret in `detail`.

export type EventStrategy = StrategyId | "account";

export type AuthEventType =
  | "register"
  | "login.success"
  | "login.failure"
  | "login.throttled"
  | "logout"
  | "session.revoked"
  | "session.expired"
  | "lifetime.shortened"
  | "lifetime.restored"
  | "password.changed"
  | "token.issued"
  | "token.refreshed"
  | "refresh.reuse_detected"
  | "family.revoked"
  | "account.linked"
  | "account.unlinked"
  | "account.link_refused"
  | "account.reproved"
  | "account.reproof_refused"
  | "device.forgotten"
  | "account.signed_out_everywhere"
  | "id_token.rejected"
  | "passkey.registered"
  | "passkey.signed_in"
  | "passkey.failed"
  | "passkey.renamed"
  | "passkey.removed";

export type AuthEventInput = {
  type: AuthEventType;
  strategy: EventStrategy;
  userId?: string | null;
  detail?: Record<string, string | number | boolean | null>;
  context?: RequestContext;
};

/** Writes one event; pass a transaction's client to make it part of that transaction. */
export async function recordEvent(
  { type, strategy, userId, detail, context }: AuthEventInput,
  db: Pick<PrismaClient, "authEvent"> = getDb(),
): Promise<void> {
  await db.authEvent.create({
    data: {
      type,
      strategy,
      userId: userId ?? null,
      detail: JSON.stringify(detail ?? {}),
      ip: context?.ip ?? null,
      userAgent: context?.userAgent ?? null,
    },
  });
}

/** The same event as one statement, to write together with others (lib/write-together.ts). */
export function eventStatement({
  type,
  strategy,
  userId,
  detail,
  context,
}: AuthEventInput): Statement {
  return {
    sql: `INSERT INTO "AuthEvent" ("id", "userId", "strategy", "type", "detail", "ip", "userAgent", "createdAt")
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [
      randomUUID(),
      userId ?? null,
      strategy,
      type,
      JSON.stringify(detail ?? {}),
      context?.ip ?? null,
      context?.userAgent ?? null,
      sqlDate(new Date()),
    ],
  };
}

/**
 * The same event for the person `whose` finds (a query of one "userId" column), written only if
 * it finds one: how a write that ends a row logs it in the same batch, once, for its owner.
 */
export function eventStatementFor(
  input: Omit<AuthEventInput, "userId">,
  whose: Statement,
): Statement {
  const [id, , ...rest] = eventStatement(input).args;
  return {
    sql: `INSERT INTO "AuthEvent" ("id", "userId", "strategy", "type", "detail", "ip", "userAgent", "createdAt")
      SELECT ?, w."userId", ?, ?, ?, ?, ?, ? FROM (${whose.sql}) w`,
    // Bound in the order the placeholders appear: the select list's, then the query's.
    args: [id ?? null, ...rest, ...whose.args],
  };
}

export type AuthEventView = {
  id: string;
  type: string;
  strategy: string;
  detail: Record<string, unknown>;
  createdAt: string;
};

export async function listEvents(
  userId: string,
  { strategy, limit = 50 }: { strategy?: EventStrategy; limit?: number } = {},
): Promise<AuthEventView[]> {
  const rows = await getDb().authEvent.findMany({
    // Account-wide events (a link, "everywhere, every strategy") belong under every strategy.
    where: { userId, ...(strategy ? { strategy: { in: [strategy, "account"] } } : {}) },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, type: true, strategy: true, detail: true, createdAt: true },
  });
  return rows.map((row) => ({
    ...row,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** What one event says, without who or when: how a demonstration shows what it wrote. */
export type LoggedEvent = { type: string; strategy: string; detail: Record<string, unknown> };

/** The events of these people written since `since`, oldest first (at most 30). */
export async function eventsSince(userIds: string[], since: Date): Promise<LoggedEvent[]> {
  if (userIds.length === 0) return [];
  const rows = await getDb().authEvent.findMany({
    where: { userId: { in: userIds }, createdAt: { gte: since } },
    orderBy: { createdAt: "asc" },
    select: { type: true, strategy: true, detail: true },
    take: 30,
  });
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
}
