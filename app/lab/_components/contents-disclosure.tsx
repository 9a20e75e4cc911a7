"use client";

import type { ReactNode } from "react";

/** The phone's folded table of contents: it folds again once a link in it is followed. */
export function ContentsDisclosure({
  className,
  children,
}: {
  className: string;
  children: ReactNode;
}) {
  return (
    <details
      className={className}
      onClick={(event) => {
        if (event.target instanceof Element && event.target.closest("a"))
          event.currentTarget.open = false;
      }}
    >
      {children}
    </details>
  );
}
