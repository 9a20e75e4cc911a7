import type { Metadata } from "next";
import { ComingSoon } from "../_components/coming-soon";

export const metadata: Metadata = { title: "The lab" };

export default function LabPage() {
  return (
    <ComingSoon
      title="The comparison lab"
      points={[
        "Three columns: what the browser holds, what the server holds, what each request costs.",
        "Experiments: replay a credential after sign-out, reuse a rotated refresh token, tamper with a payload, forge an algorithm, a cross-site request.",
        "A live timeline of your sign-ins, refreshes and revocations under each strategy.",
      ]}
    />
  );
}
