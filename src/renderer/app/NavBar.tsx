/** The menu under every header: one button per entry, the current one marked for screen readers too. */
export function NavBar<N extends string>(props: { label: string; items: readonly N[]; current: string; text: (name: N) => string; onSelect: (name: N) => void }) {
  return (
    <nav className="nav" aria-label={props.label}>
      {props.items.map((name) => (
        <button
          key={name}
          type="button"
          className="nav__item"
          aria-current={props.current === name ? 'page' : undefined}
          data-testid={`nav-${name}`}
          onClick={() => props.onSelect(name)}
        >
          {props.text(name)}
        </button>
      ))}
    </nav>
  );
}
