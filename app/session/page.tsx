import type { Metadata } from "next";
import { ComingSoon } from "../_components/coming-soon";

export const metadata: Metadata = { title: "Server session" };

export default function SessionPage() {
  return (
    <ComingSoon
      id="session"
      title="Server-side session"
      points={["Sign in with a sealed cookie that references a session row.", "List and revoke your devices."]}
    />
  );
}
