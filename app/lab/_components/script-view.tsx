"use client";

import { useSyncExternalStore } from "react";

// What JavaScript on this page can actually read, computed here in the browser: HttpOnly
// cookies are simply absent from document.cookie.

const subscribe = (onChange: () => void) => {
  const timer = window.setInterval(onChange, 2000);
  window.addEventListener("storage", onChange);
  return () => {
    window.clearInterval(timer);
    window.removeEventListener("storage", onChange);
  };
};
const readable = () => {
  const cookieNames = document.cookie
    .split(";")
    .map((pair) => pair.split("=")[0]?.trim())
    .filter(Boolean);
  return JSON.stringify({ cookies: cookieNames, storage: Object.keys(window.localStorage) });
};

export function ScriptView() {
  const snapshot = useSyncExternalStore(subscribe, readable, () => null);
  if (snapshot === null)
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">Reading…</p>;
  const { cookies, storage } = JSON.parse(snapshot) as { cookies: string[]; storage: string[] };
  return (
    <dl className="grid gap-2 text-sm sm:grid-cols-2" data-testid="script-view">
      <div>
        <dt className="font-medium">
          <code>document.cookie</code>
        </dt>
        <dd data-testid="script-cookies">
          {cookies.length ? cookies.join(", ") : "nothing: every auth cookie is HttpOnly"}
        </dd>
      </div>
      <div>
        <dt className="font-medium">
          <code>localStorage</code>
        </dt>
        <dd data-testid="script-storage">{storage.length ? storage.join(", ") : "empty"}</dd>
      </div>
    </dl>
  );
}
