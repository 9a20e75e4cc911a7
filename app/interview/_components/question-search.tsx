"use client";

import { useId, useState } from "react";

// Narrows the room to the questions whose text has every word typed. The questions are rendered
// by the server (each an <article data-search="…">), so without JavaScript they are all there;
// with it, this hides what doesn't match, and each topic left empty.

/** Hides the questions (and topics) that don't have every word of `query`; returns how many do. */
function showMatching(query: string): number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  let count = 0;
  for (const article of document.querySelectorAll<HTMLElement>("article[data-search]")) {
    const match = words.every((word) => (article.dataset.search ?? "").includes(word));
    article.hidden = !match;
    if (match) count++;
  }
  for (const section of document.querySelectorAll<HTMLElement>("section[data-topic]"))
    section.hidden = section.querySelector("article[data-search]:not([hidden])") === null;
  return count;
}

export function QuestionSearch({ total }: { total: number }) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [shown, setShown] = useState(total);

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        Search the questions
      </label>
      <input
        id={id}
        type="search"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setShown(showMatching(event.target.value));
        }}
        placeholder="e.g. refresh token, PKCE, logout"
        className="field-input w-full"
        autoComplete="off"
      />
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {query.trim()
          ? shown === 0
            ? "No question matches: try fewer or other words."
            : `${shown} of ${total} questions match.`
          : ""}
      </p>
    </div>
  );
}
