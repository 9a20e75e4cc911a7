import type { Metadata } from "next";
import Link from "next/link";
import { CHECKLIST, QUESTIONS, type Topic } from "@/lib/interview/questions";
import { Checklist, ProgressSummary, UnderstoodToggle } from "./_components/progress";
import { ProveIt } from "./_components/prove-it";
import { QuestionSearch } from "./_components/question-search";
import { RichText } from "./_components/rich-text";

export const metadata: Metadata = { title: "The interview room" };

const TOPICS = [...new Set(QUESTIONS.map((question) => question.topic))] as Topic[];
const slug = (topic: string) => topic.toLowerCase().replace(/[^a-z]+/g, "-");

// The questions people get asked about sessions, JWTs and OAuth: an answer in our words, the
// answer people often give instead, and an experiment that runs live against this server.
export default function InterviewPage() {
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">The interview room</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          {QUESTIONS.length} questions people get asked about sessions, JWTs and OAuth. Each has a
          short answer, the answer people often give instead and why it falls short, and a{" "}
          <strong>Prove it</strong> button that runs the claim live against this server, with
          throwaway people made for the occasion: no account needed.
        </p>
        <ProgressSummary ids={QUESTIONS.map((question) => question.id)} />
        <QuestionSearch total={QUESTIONS.length} />
        <nav aria-label="Topics">
          <ul className="flex flex-wrap gap-2 text-sm">
            {TOPICS.map((topic) => (
              <li key={topic}>
                <a href={`#${slug(topic)}`} className="inline-block py-0.5 link">
                  {topic}
                </a>
              </li>
            ))}
            <li>
              <a href="#checklist" className="inline-block py-0.5 link">
                Revision checklist
              </a>
            </li>
            <li>
              <Link href="/glossary" className="inline-block py-0.5 link">
                Glossary
              </Link>
            </li>
          </ul>
        </nav>
      </header>

      {TOPICS.map((topic) => (
        <section key={topic} aria-labelledby={slug(topic)} className="space-y-4" data-topic>
          <h2 id={slug(topic)} className="text-xl font-semibold">
            {topic}
          </h2>
          {QUESTIONS.filter((question) => question.topic === topic).map((question) => (
            <article
              key={question.id}
              id={question.id}
              aria-labelledby={`${question.id}-question`}
              className="scroll-mt-4 space-y-3 card"
              data-testid="question"
              data-search={[question.question, question.answer, question.wrongAnswer]
                .join(" ")
                .toLowerCase()}
            >
              <h3 id={`${question.id}-question`} className="text-lg font-semibold">
                {question.question}
              </h3>
              <p>
                <RichText text={question.answer} />
              </p>
              <details className="rounded-lg border border-amber-500/50 bg-amber-500/5 p-3 text-sm">
                <summary className="cursor-pointer py-0.5 font-semibold">
                  The answer people often give instead
                </summary>
                <p className="mt-2 italic">“{question.wrongAnswer}”</p>
                <p className="mt-2">{question.whyWrong}</p>
              </details>
              <ProveIt
                question={question.id}
                experiment={question.experiment}
                proves={question.proves}
                lab={question.lab}
              />
              <UnderstoodToggle id={question.id} />
            </article>
          ))}
        </section>
      ))}

      <section aria-labelledby="checklist" className="space-y-3 card">
        <h2 id="checklist" className="text-xl font-semibold">
          Revision checklist
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          The whole room in {CHECKLIST.length} lines. Tick what you could explain without notes.
        </p>
        <Checklist items={CHECKLIST} />
      </section>
    </div>
  );
}
