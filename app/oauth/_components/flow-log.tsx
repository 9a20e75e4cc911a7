import type { FlowField, FlowLog, FlowStep } from "@/lib/auth/oauth/flow-log";
import { providerName } from "@/lib/auth/names";
import { Time } from "@/app/_components/time";

// The last provider sign-in of this browser, step by step, as oauth.tools draws a flow: who sent
// what to whom, and what came back. Secrets appear cut short.

/** Who someone is: not shown where anyone at this computer may look (the error pages). */
const IDENTITY = new Set(["sub", "email", "name", "login", "id"]);

function Fields({ fields, hideIdentity }: { fields: FlowField[]; hideIdentity: boolean }) {
  if (fields.length === 0) return null;
  return (
    <dl className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 text-xs dark:divide-zinc-800 dark:border-zinc-800">
      {fields.map((field, i) => (
        <div key={`${field.name}-${i}`} className="p-2" data-field={field.name}>
          <dt className="font-mono font-semibold">{field.name}</dt>
          <dd className="font-mono break-all">
            {hideIdentity && IDENTITY.has(field.name) ? "(not shown on this page)" : field.value}
          </dd>
          {field.note ? <dd className="text-zinc-600 dark:text-zinc-400">{field.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

function Step({
  step,
  index,
  hideIdentity,
}: {
  step: FlowStep;
  index: number;
  hideIdentity: boolean;
}) {
  return (
    <li className="space-y-2 card" data-testid="flow-step" data-title={step.title}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">
          {index + 1}. {step.title}
        </h3>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{step.route}</p>
      </div>
      {step.request ? (
        <div className="space-y-1">
          <p className="font-mono text-xs break-all">
            <span className="font-semibold">{step.request.method}</span> {step.request.url}
          </p>
          <Fields fields={step.request.fields} hideIdentity={hideIdentity} />
        </div>
      ) : null}
      {step.answer ? (
        <div className="space-y-1">
          <p className="text-xs font-semibold">
            {step.answer.status !== null ? `Answer: ${step.answer.status}` : "Result"}
          </p>
          <Fields fields={step.answer.fields} hideIdentity={hideIdentity} />
        </div>
      ) : null}
      {step.note ? <p className="text-sm">{step.note}</p> : null}
    </li>
  );
}

export function FlowLogView({
  log,
  hideIdentity = false,
}: {
  log: FlowLog;
  hideIdentity?: boolean;
}) {
  return (
    <section aria-labelledby="flow-heading" className="space-y-3" data-testid="flow-log">
      <h2 id="flow-heading" className="text-lg font-semibold">
        How this sign-in went
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Your last sign-in with {providerName(log.provider)}, started <Time value={log.startedAt} />:
        the authorization code flow with PKCE, every request and answer, secrets cut short.
        {log.outcome ? (
          <>
            {" "}
            <strong data-testid="flow-outcome">{log.outcome.text}</strong>
          </>
        ) : null}
      </p>
      <ol className="space-y-3">
        {log.steps.map((step, index) => (
          <Step
            key={`${step.title}-${index}`}
            step={step}
            index={index}
            hideIdentity={hideIdentity}
          />
        ))}
      </ol>
    </section>
  );
}

/** Said when the provider signed the person in without asking: it remembered them. */
export function SingleSignOnNote({ log }: { log: FlowLog }) {
  if (log.singleSignOn !== true) return null;
  const name = providerName(log.provider);
  return (
    <p className="rounded-lg border border-oauth/50 bg-oauth/5 p-3 text-sm" data-testid="sso-note">
      {name} didn&apos;t ask who you are: it remembered you from an earlier sign-in (its ID token
      says when). That is <strong>single sign-on</strong>: signing out of Auth Lab ends Auth
      Lab&apos;s session, not {name}&apos;s, so the next “Continue with {name}” signs you straight
      back in. To be asked again, sign out at {name} too.
    </p>
  );
}
