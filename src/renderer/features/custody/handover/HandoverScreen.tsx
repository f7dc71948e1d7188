/** Placeholder: being built. */
export function HandoverScreen(props: Record<string, never>) {
  void props;
  return <p>…</p>;
}
