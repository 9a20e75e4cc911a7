/** Plain text in which **this** is bold: the one key idea of an answer. */
export function RichText({ text }: { text: string }) {
  return (
    <>{text.split("**").map((part, i) => (i % 2 === 1 ? <strong key={i}>{part}</strong> : part))}</>
  );
}
