import { DEMO_PEOPLE, showDemoPeople } from "@/lib/demo-people";

/** Development only: the seeded demo accounts and their (public) passwords. */
export function DemoPeople() {
  if (!showDemoPeople()) return null;
  return (
    <aside
      aria-labelledby="demo-heading"
      className="rounded-lg border border-dashed border-amber-400 p-4 text-sm"
    >
      <h2 id="demo-heading" className="font-semibold">
        Demo accounts (development only)
      </h2>
      <dl className="mt-2 space-y-2">
        {DEMO_PEOPLE.map((person) => (
          <div key={person.email}>
            <dt className="font-medium">{person.name}</dt>
            <dd className="font-mono text-xs break-all">
              {person.email} / {person.password}
            </dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
