/** Placeholder: the list of printable documents (monthly return, holdings, register, stock checks). */
export function DocumentsScreen() {
  return <section className="reg-screen" data-testid="documents-screen" />;
}
