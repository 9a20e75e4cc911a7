import { startAsDemoPerson } from "@/app/demo/actions";
import { demoSignInOn } from "@/lib/env";

/** "Try it as a demo person", wherever a visitor may want to start without registering. */
export function DemoButton({
  next = "/tour",
  label = "Try it as a demo person",
  className = "btn-primary",
}: {
  next?: string;
  label?: string;
  className?: string;
}) {
  if (!demoSignInOn()) return null;
  return (
    <form action={startAsDemoPerson}>
      <input type="hidden" name="next" value={next} />
      <button type="submit" className={className} data-testid="demo-sign-in">
        {label}
      </button>
    </form>
  );
}
