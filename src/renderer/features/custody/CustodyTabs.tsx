/** Placeholder: being built. */
export function CustodyTabs(props: { current: string }) {
  void props;
  return <p>…</p>;
}
