import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/credentials";
import { requireSession } from "@/lib/auth/session/guard";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "Change password" };

export default async function PasswordPage() {
  await requireSession("/session/password");
  return (
    <div className="mx-auto max-w-md space-y-6">
      <PageHeader strategy="session" title="Change password">
        <p className="text-zinc-600 dark:text-zinc-400">
          Every other session ends at once; this one stays signed in.
        </p>
      </PageHeader>
      <PasswordForm minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH} />
    </div>
  );
}
