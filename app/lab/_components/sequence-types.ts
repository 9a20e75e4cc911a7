// The data a sequence diagram is drawn from (sequence-diagram.tsx draws it; flows/ holds the
// lab's nine). Plain types, so data files don't import the component.

export type Participant<P extends string = string> = { id: P; label: string };
export type Tone = "ok" | "refused";
/** An arrow from one participant to another. */
export type Message<P extends string = string> = {
  from: P;
  to: P;
  label: string;
  detail?: string;
  tone?: Tone;
  /** An answer: drawn dashed. */
  reply?: true;
};
/** Work done inside one participant, with no message sent. */
export type Note<P extends string = string> = {
  at: P;
  label: string;
  detail?: string;
  tone?: Tone;
};
/** A change of scene ("another day: …") across every column. */
export type Scene = { scene: string };
export type Step<P extends string = string> = Message<P> | Note<P> | Scene;
export type Diagram<P extends string = string> = {
  title: string;
  participants: readonly Participant<P>[];
  steps: readonly Step<P>[];
};

/** Only the participants name the ids (NoInfer), so a typo in a step fails to compile. */
export function defineDiagram<const P extends string>(diagram: {
  title: string;
  participants: readonly Participant<P>[];
  steps: readonly Step<NoInfer<P>>[];
}): Diagram {
  return diagram;
}
