import Link from "next/link";
import {
  EXPERIMENTS_PART,
  LAB_PARTS,
  type Needs,
  needsFor,
  needsOf,
  type SignedIn,
} from "@/lib/lab/catalogue";
import { EXPERIMENT_REGISTRY } from "@/lib/lab/experiments";
import { ContentsDisclosure } from "./contents-disclosure";

/** "ready", or what this browser still needs (and why, when it had it), with the link to get it. */
function Readiness({ needs }: { needs: Needs }) {
  if (needs?.cause)
    return (
      <span className="block text-xs text-zinc-600 dark:text-zinc-400" data-testid="not-ready">
        not ready: {needs.cause}:{" "}
        <Link href={needs.href as never} className="link">
          {needs.text}
        </Link>
      </span>
    );
  return needs ? (
    <span className="block text-xs text-zinc-600 dark:text-zinc-400">
      needs:{" "}
      <Link href={needs.href as never} className="link">
        {needs.text.replace(/ first$/, "")}
      </Link>
    </span>
  ) : (
    <span className="text-xs text-success">ready</span>
  );
}

/**
 * The lab's table of contents, in the suggested order: sticky beside the lab on a wide screen
 * (with its own scroll, short enough to clear the footer at the end of the page), a folded
 * "Contents" bar stuck to the top on a phone. Each experiment says whether it is ready for this
 * browser, and if not, what it needs, with the link to get it.
 */
export function LabContents({ signedIn }: { signedIn: SignedIn }) {
  const list = (
    <ol className="space-y-1 text-sm">
      {LAB_PARTS.map((part) => (
        <li key={part.id} data-testid={`contents-part-${part.id}`}>
          <a href={`#${part.id}`} className="link">
            {part.title}
          </a>{" "}
          {part.requires ? <Readiness needs={needsFor(part.requires, signedIn)} /> : null}
          {part.id === "experiments-heading" ? (
            <ol className="mt-1 space-y-1 border-l border-zinc-200 pl-3 dark:border-zinc-700">
              {EXPERIMENTS_PART.map((name) => (
                <li key={name} data-testid={`contents-${name}`}>
                  <a href={`#experiment-${name}`} className="link">
                    {EXPERIMENT_REGISTRY[name].title}
                  </a>{" "}
                  <Readiness needs={needsOf(name, signedIn)} />
                </li>
              ))}
            </ol>
          ) : null}
        </li>
      ))}
    </ol>
  );
  return (
    <nav
      aria-label="The lab, part by part"
      data-testid="lab-contents"
      className="sticky top-0 z-20 -mx-4 bg-zinc-50/95 px-4 py-2 backdrop-blur sm:-mx-6 sm:px-6 lg:static lg:z-auto lg:mx-0 lg:bg-transparent lg:p-0 lg:backdrop-blur-none dark:bg-zinc-950/95 lg:dark:bg-transparent [&_a]:inline-block [&_a]:min-h-6 [&_a]:py-0.5"
    >
      <ContentsDisclosure className="card px-4 py-0 lg:hidden">
        <summary className="cursor-pointer py-2.5 font-semibold">Contents</summary>
        <div className="-mx-1 max-h-[70dvh] overflow-y-auto px-1 pb-3">{list}</div>
      </ContentsDisclosure>
      <div className="hidden lg:sticky lg:top-4 lg:-mx-1 lg:block lg:max-h-[calc(100dvh-8rem)] lg:overflow-y-auto lg:px-1 lg:pb-1">
        <p className="mb-2 text-sm font-semibold">On this page, in order</p>
        {list}
      </div>
    </nav>
  );
}
