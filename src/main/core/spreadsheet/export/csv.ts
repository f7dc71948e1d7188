import type { Language } from '../../../../shared/domain/enums';
import { csvCell } from '../../files';
import { breathe } from '../../jobs';
import type { AtomicFile } from './atomic';
import type { CellKind, CellValue, ColumnSpec } from './columns';
import { localDateTime } from './time';

/**
 * How a CSV is laid out for the session language: French spreadsheets expect ';' between cells
 * and a decimal comma (',' is their decimal separator, which is why they use ';'), English ones
 * ',' and a decimal point. Either way numbers carry no thousands separator, dates are ISO
 * (YYYY-MM-DD, which spreadsheets read as dates in every language) and times are local
 * "YYYY-MM-DD HH:MM".
 */
export interface CsvStyle {
  separator: ';' | ',';
  decimalComma: boolean;
}

export function csvStyle(language: Language): CsvStyle {
  return language === 'fr' ? { separator: ';', decimalComma: true } : { separator: ',', decimalComma: false };
}

/** A number as plain digits: no exponent (1e-7 kg NEQ), no thousands separator. */
function plainNumber(n: number, decimalComma: boolean): string {
  const text = Number.isInteger(n) ? String(n) : n.toFixed(9).replace(/0+$/, '').replace(/\.$/, '');
  return decimalComma ? text.replace('.', ',') : text;
}

/**
 * One quoted cell. Text goes through csvCell, which puts an apostrophe before a leading = + - @,
 * tab or carriage return so that no spreadsheet evaluates it. Numbers come from number columns
 * only (never from user text) and are written as they are, so a negative quantity stays a number.
 */
export function csvValue(value: CellValue, kind: CellKind, style: CsvStyle): string {
  if (value === null || value === '') return '""';
  if (typeof value === 'number' && (kind === 'integer' || kind === 'decimal')) return `"${plainNumber(value, style.decimalComma)}"`;
  if (kind === 'instant') return csvCell(localDateTime(String(value)));
  return csvCell(String(value));
}

/** Writes rows as CSV lines (UTF-8 with a byte order mark, CRLF) in chunks of about 256 KB. */
export class CsvWriter {
  /** Lines are written to the file as they are made: the writer only pauses for other calls. */
  readonly rowsPerSettle = 2_000;
  private buffer: string[] = [];
  private size = 0;
  private readonly kinds: CellKind[];

  constructor(
    private readonly file: AtomicFile,
    columns: readonly ColumnSpec[],
    private readonly style: CsvStyle,
  ) {
    this.kinds = columns.map((c) => c.kind);
    // The byte order mark tells spreadsheets the file is UTF-8 (accents read right in Excel).
    this.push(`\uFEFF${columns.map((c) => csvCell(c.header)).join(style.separator)}`);
  }

  add(values: readonly CellValue[]): void {
    this.push(values.map((v, i) => csvValue(v, this.kinds[i] ?? 'text', this.style)).join(this.style.separator));
  }

  settle(): Promise<void> {
    return breathe();
  }

  finish(): Promise<void> {
    this.flush();
    return Promise.resolve();
  }

  abort(): Promise<void> {
    this.buffer = [];
    return Promise.resolve();
  }

  private push(line: string): void {
    this.buffer.push(line, '\r\n');
    this.size += line.length + 2;
    if (this.size > 256 * 1024) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    this.file.write(this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }
}
