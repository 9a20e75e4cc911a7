import Link from "next/link";
import type { ReactNode } from "react";
import { STRATEGIES, type StrategyId } from "@/lib/auth/names";
import type { CookieFacts } from "@/lib/lab/cookies";
import type { JwtColumn, OAuthColumn, SessionColumn } from "@/lib/lab/server-view";
import { StrategyDot } from "@/app/_components/strategy-dot";
import { Countdown } from "@/app/jwt/_components/countdown";
import { CookieList, Question, Rows } from "./parts";
import { Time } from "@/app/_components/time";
import { TokenViewer } from "@/app/_components/token-viewer";
import { OAuthNotConfigured } from "@/app/oauth/_components/not-configured";

// Each column asks every strategy the same three questions, in the same order, so they can be
// read across; only the answers are the strategy's own.
function Column({
  id,
  data,
  cookies,
  means,
  holds,
}: {
  id: StrategyId;
  data: { signedIn: false } | { signedIn: true; user: { email: string } };
  cookies: CookieFacts[];
  /** What the browser's credential means, and to whom. */
  means: ReactNode;
  /** What the server keeps about this browser's sign-in. */
  holds: ReactNode;
}) {
  return (
    <article
      aria-labelledby={`lab-${id}`}
      className="space-y-3 card"
      data-testid={`lab-column-${id}`}
    >
      <header className="space-y-1">
        <h2 id={`lab-${id}`} className="flex items-center gap-2 text-lg font-semibold">
          <StrategyDot id={id} /> {STRATEGIES[id].label}
        </h2>
        <p className="text-sm">
          {data.signedIn ? `Signed in as ${data.user.email}` : <SignInLink id={id} />}
        </p>
      </header>
      <Question title="What the browser holds">
        <CookieList cookies={cookies} />
      </Question>
      <Question title="What it means">{means}</Question>
      <Question title="What the server holds">{holds}</Question>
    </article>
  );
}

function SignInLink({ id }: { id: StrategyId }) {
  return (
    <>
      Signed out.{" "}
      <Link href={`${STRATEGIES[id].loginPath}?next=/lab`} className="link">
        Sign in
      </Link>{" "}
      to fill this column.
    </>
  );
}

/** An answer that is "nothing here". */
function Nothing({ children }: { children: ReactNode }) {
  return <p className="text-sm text-zinc-500 dark:text-zinc-400">{children}</p>;
}

export function SessionColumnView({
  data,
  cookies,
}: {
  data: SessionColumn;
  cookies: CookieFacts[];
}) {
  return (
    <Column
      id="session"
      data={data}
      cookies={cookies}
      means={
        <p className="text-sm">
          Nothing, to anyone but this server: the cookie is sealed with a key only the server has.
          Inside is a random token; the database knows only its SHA-256.
        </p>
      }
      holds={
        data.signedIn ? (
          <>
            <Rows
              rows={[
                ["id (SHA-256)", <code key="id">{data.row.id}</code>],
                ["created", <Time key="created" value={data.row.createdAt} />],
                ["last seen", <Time key="seen" value={data.row.lastSeenAt} />],
                ["idle expiry", <Time key="idle" value={data.row.idleExpiresAt} />],
                ["absolute expiry", <Time key="absolute" value={data.row.absoluteExpiresAt} />],
                ["ip", data.row.ip ?? "unknown"],
              ]}
            />
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              {data.otherSessions} other session{data.otherSessions === 1 ? "" : "s"} of this
              person. Deleting this row signs this browser out on its next request.
            </p>
          </>
        ) : (
          <Nothing>No row for this browser.</Nothing>
        )
      }
    />
  );
}

export function JwtColumnView({ data, cookies }: { data: JwtColumn; cookies: CookieFacts[] }) {
  return (
    <Column
      id="jwt"
      data={data}
      cookies={cookies}
      means={
        data.signedIn ? (
          <div className="space-y-2 text-sm">
            <p>
              Decoded, by anyone who holds it: <strong>encoded, not encrypted</strong>. Expires in{" "}
              <Countdown expiresAt={data.exp} />.
            </p>
            <p>
              Its header, its claims and a payload to edit are{" "}
              <a href="#lab-jwt-decoded" className="link">
                taken apart below the columns
              </a>
              .
            </p>
          </div>
        ) : (
          <Nothing>
            {data.expired
              ? "The access token has expired; the header is refreshing it."
              : "No token."}
          </Nothing>
        )
      }
      holds={
        data.signedIn ? (
          <ul className="space-y-2 text-sm">
            {data.families.map((family) => (
              <li key={family.id} data-testid="lab-family" data-state={family.state}>
                <p>
                  Family …{family.handle}: <strong>{family.state}</strong>
                  {family.revokedReason ? ` (${family.revokedReason.replace(/_/g, " ")})` : ""}
                </p>
                <p className="font-mono text-xs break-all">
                  {family.chain.map((link) => `${link.hash} ${link.state}`).join(" → ")}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <Nothing>
            Nothing about this browser: the access token is verified without a lookup.
          </Nothing>
        )
      }
    />
  );
}

/**
 * The access token taken apart: specific to one strategy and long, so it gets a full-width row
 * under the three columns instead of stretching the JWT one.
 */
export function JwtDecodedRow({ data }: { data: JwtColumn }) {
  if (!data.signedIn) return null;
  return (
    <section
      aria-labelledby="lab-jwt-decoded"
      className="space-y-2 card"
      data-testid="lab-jwt-decoded"
    >
      <h3 id="lab-jwt-decoded" className="flex items-center gap-2 font-semibold">
        <StrategyDot id="jwt" /> {STRATEGIES.jwt.label}: the access token, taken apart
      </h3>
      <TokenViewer view={data.token} />
    </section>
  );
}

export function OAuthColumnView({
  data,
  cookies,
  offered,
}: {
  data: OAuthColumn;
  cookies: CookieFacts[];
  /** Does this deployment offer provider sign-in at all? */
  offered: boolean;
}) {
  return (
    <Column
      id="oauth"
      data={data}
      cookies={cookies}
      means={
        <p className="text-sm">
          An opaque random session token: it means something only to this server&apos;s database.
          The provider&apos;s tokens never come to the browser.
        </p>
      }
      holds={
        data.signedIn ? (
          <div className="space-y-2 text-sm">
            <Rows
              rows={data.sessions.map((session) => [
                `session ${session.handle}`,
                <span key={session.handle}>
                  until <Time value={session.expiresAt} />
                  {session.current ? " (this browser)" : ""}
                </span>,
              ])}
            />
            <Rows
              rows={data.accounts.map((account) => [
                account.provider,
                <span key={account.provider}>
                  scopes <code>{account.scopes.join(" ")}</code>; access token{" "}
                  <code>{account.accessTokenPreview ?? "none"}</code>
                </span>,
              ])}
            />
          </div>
        ) : offered ? (
          <Nothing>No Auth.js session for this browser.</Nothing>
        ) : (
          <OAuthNotConfigured />
        )
      }
    />
  );
}
