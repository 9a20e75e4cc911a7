import Link from "next/link";
import { linkTerms } from "@/lib/glossary-links";

/**
 * Plain text in which **this** is bold (the one key idea of an answer), and each glossary term,
 * the first time it appears, links to its entry.
 */
export function RichText({ text }: { text: string }) {
  const linked = new Set<string>();
  return (
    <>
      {text.split("**").map((part, i) => {
        const content = linkTerms(part, linked).map((segment, j) =>
          segment.glossary ? (
            <Link key={j} href={`/glossary#${segment.glossary}`} className="link">
              {segment.text}
            </Link>
          ) : (
            segment.text
          ),
        );
        return i % 2 === 1 ? <strong key={i}>{content}</strong> : <span key={i}>{content}</span>;
      })}
    </>
  );
}
