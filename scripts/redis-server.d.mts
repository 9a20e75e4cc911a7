import type { ChildProcess } from "node:child_process";
export const REDIS_SERVER: string;
export function freePort(): Promise<number>;
export function startRedis(
  port: number,
  options?: { quiet?: boolean; dir?: string | null },
): Promise<ChildProcess>;
