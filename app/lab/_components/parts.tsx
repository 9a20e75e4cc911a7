import type { ReactNode } from "react";
import { type CookieFacts, describeAttributes } from "@/lib/lab/cookies";

/** One of a column's four questions. */
export function Question({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <h3 className="text-sm font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        {title}
      </h3>
      {children}
    </section>
  );
}

export function CookieList({ cookies }: { cookies: CookieFacts[] }) {
  return (
    <ul className="space-y-2 text-sm">
      {cookies.map((cookie) => (
        <li
          key={cookie.name}
          data-testid="lab-cookie"
          data-name={cookie.name}
          data-present={cookie.present}
          data-http-only={cookie.attributes.httpOnly}
          data-same-site={cookie.attributes.sameSite}
          data-secure={cookie.attributes.secure}
          data-path={cookie.attributes.path}
          data-lifetime={cookie.attributes.lifetimeSeconds}
        >
          <p>
            <code className="font-mono break-all">{cookie.name}</code>{" "}
            {cookie.elsewhere ? (
              <span className="text-zinc-500 dark:text-zinc-400">
                · never sent to this page (its Path)
              </span>
            ) : cookie.present ? (
              <span className="tabular-nums">· {cookie.bytes} bytes</span>
            ) : (
              <span className="text-zinc-500 dark:text-zinc-400">· not set</span>
            )}
          </p>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {describeAttributes(cookie.attributes).join("; ")}
          </p>
          <p className="text-xs">Holds {cookie.holds}.</p>
        </li>
      ))}
    </ul>
  );
}

export function Rows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
