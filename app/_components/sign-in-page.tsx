import Link from "next/link";
import type { ReactNode } from "react";
import type { StrategyId } from "@/lib/auth/names";
import type { SignInFormState } from "@/lib/auth/sign-in-form";
import { DemoPeople } from "./demo-people";
import { PageHeader } from "./page-header";
import { SignInForm } from "./sign-in-form";

type Props = {
  strategy: Extract<StrategyId, "session" | "jwt">;
  title: string;
  intro: ReactNode;
  action: (prev: SignInFormState, formData: FormData) => Promise<SignInFormState>;
  next: string;
};

/** The email-and-password sign-in page of a local strategy. */
export function PasswordSignInPage({ strategy, title, intro, action, next }: Props) {
  return (
    <div className="mx-auto grid max-w-3xl gap-6 md:grid-cols-[1fr_16rem]">
      <div className="space-y-6">
        <PageHeader strategy={strategy} title={title}>
          <p>{intro}</p>
        </PageHeader>
        <SignInForm action={action} next={next} submitLabel="Sign in" />
        <p className="text-sm">
          No account yet?{" "}
          <Link href="/register" className="link">
            Create one
          </Link>
        </p>
      </div>
      <DemoPeople />
    </div>
  );
}
