import type { Metadata } from "next";
import { StrategyDot } from "@/app/_components/strategy-dot";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/credentials";
import { requireSession } from "@/lib/auth/session/guard";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "Change password" };

export default async function PasswordPage() {
  await requireSession("/session/password");
  return (
    <div className="mx-auto max-w-md space-y-6">
      <header className="space-y-1">
        <h1 className="flex items-center gap-2 text-2xl font-bold">
          <StrategyDot id="session" /> Change password
        </h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          Every other session ends at once; this one stays signed in.
        </p>
      </header>
      <PasswordForm minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH} />
    </div>
  );
}
