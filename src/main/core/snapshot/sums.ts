import { reject } from './rejection';

export interface SumLine {
  sha256: string;
  name: string;
}

/** `sha256sum` output (text mode: two spaces), one line per file, in the order given. */
export function formatSums(lines: readonly SumLine[]): string {
  return lines.map((l) => `${l.sha256}  ${l.name}\n`).join('');
}

/**
 * Parses SHA256SUMS as Gardien writes it: "<64 lower-case hex>  <name>\n" per line, each name
 * once. Anything sha256sum would read differently (binary-mode "*", escaped names, CR) is refused.
 */
export function parseSums(text: string): SumLine[] {
  const bad = (detail: string): never => reject('malformed_sums', detail);
  if (text === '' || !text.endsWith('\n')) bad('SHA256SUMS must be non-empty lines each ending with a line feed');
  const seen = new Set<string>();
  return text
    .slice(0, -1)
    .split('\n')
    .map((line, i) => {
      const m = /^([0-9a-f]{64}) {2}([A-Za-z0-9._/-]{1,100})$/.exec(line);
      if (!m) bad(`line ${i + 1} is not "<sha256>  <name>"`);
      const [, sha256 = '', name = ''] = m ?? [];
      if (seen.has(name)) bad(`${name} is listed twice`);
      seen.add(name);
      return { sha256, name };
    });
}
