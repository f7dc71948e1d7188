/**
 * A key's fingerprint as 4 lines of 4 groups of 4 hex digits, in monospace: the same layout on
 * screen and on the certificate, so two people can read it aloud to each other line by line.
 * The text keeps plain spaces between groups (copy, screen readers and pdftotext see them).
 */
export function Fingerprint(props: { value: string; className?: string; testId?: string }) {
  const groups = props.value.split(/\s+/).filter(Boolean);
  const rows: string[] = [];
  for (let i = 0; i < groups.length; i += 4) rows.push(groups.slice(i, i + 4).join(' '));
  return (
    <div className={`fingerprint ${props.className ?? ''}`} data-testid={props.testId} data-fingerprint={props.value}>
      {rows.map((row, i) => (
        <div key={i} className="fingerprint__row">
          {row}
        </div>
      ))}
    </div>
  );
}
