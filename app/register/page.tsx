import type { Metadata } from "next";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/credentials";
import { RegisterForm } from "./register-form";

export const metadata: Metadata = { title: "Create an account" };

export default function RegisterPage() {
  return (
    <div className="mx-auto max-w-md space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">Create an account</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          One account with a password serves both local strategies: the server session and the JWT
          pair. Google and GitHub sign-in need no password here.
        </p>
      </header>
      <RegisterForm minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH} />
    </div>
  );
}
