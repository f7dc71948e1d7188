import fc from 'fast-check';
import iconv from 'iconv-lite';
import { LOT_HEADERS, OFFICER_HEADERS, WEAPON_HEADERS } from '../spreadsheet-registers';
import { writeZip, type RawEntry } from '../tamper/zip';

/**
 * Spreadsheets that look almost right: CSV with any separator, quoting, line end and encoding,
 * headers an importer knows next to cells it cannot read; XLSX assembled part by part with odd
 * cell types, references, shared-string indexes, XML junk and entity tricks.
 */

const WORDS = [
  'ML-PN-000001', '00123', 'Norinco', 'Fusil d’assaut', 'Pistolet', '7,62x39', '9 mm', 'Chine', 'CN', '1985', '31/02/2015', '15/03/2015',
  '2015-03-01', '45000', '1 234,5', '1.234,5', '-0', 'oui', 'non', 'Police nationale', 'Gendarmerie', 'Inconnu', '', ' ', '=1+1', '@SUM(A1)',
  '+33', "'=cmd", '"', '""', ';', ',', '\t', '\r', '\n', '\r\n', '\u0000', '\ufeff', '€', 'œ', '’', 'é', 'e\u0301', '\ud83d\udca3', '\ud800',
  'x'.repeat(300), 'A1', '1e308', 'NaN', 'Infinity',
];

const cellText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

const headerRow = fc.oneof(
  fc.constant(WEAPON_HEADERS as readonly string[]),
  fc.constant(OFFICER_HEADERS as readonly string[]),
  fc.constant(LOT_HEADERS as readonly string[]),
  fc.array(cellText, { maxLength: 6 }),
);

export interface CsvCase {
  rows: string[][];
  separator: string;
  lineEnd: string;
  quote: 'all' | 'needed' | 'never' | 'broken';
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be' | 'latin1-as-is';
}

export const csvCase: fc.Arbitrary<CsvCase> = fc.record({
  rows: fc
    .tuple(fc.array(fc.array(cellText, { maxLength: 3 }), { maxLength: 2 }), headerRow, fc.array(fc.array(cellText, { maxLength: 20 }), { maxLength: 12 }))
    .map(([above, header, body]) => [...above, [...header], ...body]),
  separator: fc.constantFrom(';', ',', '\t', '|', ' ', ';;', '"', ''),
  lineEnd: fc.constantFrom('\r\n', '\n', '\r', '\n\r', ''),
  quote: fc.constantFrom('all', 'needed', 'never', 'broken'),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1252', 'utf-16le', 'utf-16be', 'latin1-as-is'),
});

export function csvBytes(c: CsvCase): Buffer {
  const field = (v: string): string => {
    if (c.quote === 'never') return v;
    if (c.quote === 'broken') return `"${v}`;
    const needed = (c.separator !== '' && v.includes(c.separator)) || /["\r\n]/.test(v);
    return c.quote === 'all' || needed ? `"${v.replaceAll('"', '""')}"` : v;
  };
  const text = c.rows.map((r) => r.map(field).join(c.separator) + c.lineEnd).join('');
  switch (c.encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'windows-1252':
      return iconv.encode(text, 'windows-1252');
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    default:
      return Buffer.from(text, 'latin1');
  }
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One cell as a sheet part may write it, right or wrong. */
const xlsxCell = fc
  .tuple(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('A1', 'B2', 'C3', 'D4', 'Z9', 'AA10', 'XFD1', '') },
      { weight: 1, arbitrary: fc.constantFrom('XFE1', 'ZZZZ99999999', 'A0', 'A-1', '1A', 'a1') },
    ),
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('s', 'n', 'b', 'str', 'inlineStr', '') },
      { weight: 1, arbitrary: fc.constantFrom('e', 'd', 'x') },
    ),
    // Well-formed values only: XML that is not well-formed comes in as the part's junk (it spoils the whole part).
    fc.constantFrom('0', '1', '2', '99999', '-1', '1.5', '45000', '2958466', '1e308', '-1e308', 'NaN', 'abc', '', '2015-03-01T00:00:00Z', '&amp;'),
    cellText,
    fc.constantFrom('', ' s="0"', ' s="1"', ' s="99"'),
  )
  .map(([ref, t, v, text, style]) => {
    const r = ref === '' ? '' : ` r="${ref}"`;
    const type = t === '' ? '' : ` t="${t}"`;
    if (t === 'inlineStr') return `<c${r}${type}${style}><is><t>${esc(text)}</t></is></c>`;
    return `<c${r}${type}${style}><v>${v.startsWith('&') ? v : esc(v)}</v></c>`;
  });

const xlsxRow = fc
  .tuple(fc.constantFrom('2', '3', '4', '50', '1', '0', '-1', '1048577', '99999999999', 'x', ''), fc.array(xlsxCell, { maxLength: 8 }))
  .map(([r, cells]) => `<row${r === '' ? '' : ` r="${r}"`}>${cells.join('')}</row>`);

/** Junk that XML parsers have choked on: unclosed tags, entity bombs, external entities, huge attributes. */
const XML_JUNK = [
  '', '<', '&bogus;', '</sheetData>', '<row>', ']]>', '<!-- unterminated', '<?xml version="1.0"?>', '\u0000', '&#0;', '&#xFFFFFFFF;', `<c r="A1" ${'a="1" '.repeat(200)}/>`,
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
];

export interface XlsxCase {
  /** A second worksheet; `firstHidden` hides the first tab, so the reader skips sheet 1 for sheet 2. */
  second: boolean;
  firstHidden: boolean;
  /** The weapon register's headers on row 1, so that inspect maps columns and the rows reach the checks. */
  header: boolean;
  rows: string[];
  strings: string[];
  junk: string;
  junkAt: 'sheet' | 'strings' | 'workbook' | 'types';
  omit: 'none' | 'types' | 'rels' | 'workbook' | 'workbookRels' | 'strings' | 'sheet';
  sheetName: string;
  deflate: boolean;
}

export const xlsxCase: fc.Arbitrary<XlsxCase> = fc.record({
  second: fc.boolean(),
  firstHidden: fc.boolean(),
  header: fc.boolean(),
  rows: fc.array(xlsxRow, { maxLength: 10 }),
  strings: fc.array(cellText, { maxLength: 6 }),
  junk: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(...XML_JUNK) }),
  junkAt: fc.constantFrom('sheet', 'strings', 'workbook', 'types'),
  // No shared strings is a valid workbook (inline strings, numbers only): as common as none missing.
  omit: fc.constantFrom('none', 'none', 'strings', 'strings', 'types', 'rels', 'workbook', 'workbookRels', 'sheet'),
  sheetName: fc.constantFrom('Feuil1', '', 'x'.repeat(40), '<&>', 'Registre'),
  deflate: fc.boolean(),
});

const column = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : `A${String.fromCharCode(65 + i - 26)}`);
const headerXml = `<row r="1">${WEAPON_HEADERS.map((h, i) => `<c r="${column(i)}1" t="inlineStr"><is><t>${esc(h)}</t></is></c>`).join('')}</row>`;

export function xlsxBytes(c: XlsxCase): Buffer {
  const junk = (where: XlsxCase['junkAt'], xml: string) => (c.junkAt === where ? xml.replace('>', `>${c.junk}`) : xml);
  const parts: Record<string, string> = {
    '[Content_Types].xml': junk('types',
      `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`),
    '_rels/.rels': `${xmlHead}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': junk('workbook', `${xmlHead}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="${esc(c.sheetName)}" sheetId="1" r:id="rId1"${c.firstHidden ? ' state="hidden"' : ''}/>${c.second ? '<sheet name="Feuil2" sheetId="2" r:id="rId3"/>' : ''}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': `${xmlHead}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
    'xl/sharedStrings.xml': junk('strings', `${xmlHead}<sst xmlns="${NS}" count="${c.strings.length}" uniqueCount="${c.strings.length}">${c.strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`),
    'xl/worksheets/sheet1.xml': junk('sheet', `${xmlHead}<worksheet xmlns="${NS}"><sheetData>${c.header ? headerXml : ''}${c.rows.join('')}</sheetData></worksheet>`),
    ...(c.second ? { 'xl/worksheets/sheet2.xml': `${xmlHead}<worksheet xmlns="${NS}"><sheetData>${c.header ? headerXml : ''}</sheetData></worksheet>` } : {}),
  };
  const omitted: Record<XlsxCase['omit'], string | null> = {
    none: null, types: '[Content_Types].xml', rels: '_rels/.rels', workbook: 'xl/workbook.xml', workbookRels: 'xl/_rels/workbook.xml.rels',
    strings: 'xl/sharedStrings.xml', sheet: 'xl/worksheets/sheet1.xml',
  };
  const entries: RawEntry[] = Object.entries(parts)
    .filter(([name]) => name !== omitted[c.omit])
    .map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8'), ...(c.deflate ? { method: 8 } : {}) }));
  return writeZip(entries);
}

/** Printable words only: XML 1.0 refuses most control characters, and a real workbook never holds them. */
const xmlSafe = (w: string): boolean =>
  [...w].every((ch) => {
    const c = ch.codePointAt(0) ?? 0;
    return (c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) && !(c >= 0xd800 && c <= 0xdfff);
  });
const PLAIN_WORDS = WORDS.filter(xmlSafe);

const plainCell = fc.oneof(
  fc.constantFrom(...PLAIN_WORDS).map((w) => ({ t: 'inlineStr', text: w })),
  fc.constantFrom('0', '12', '1985', '45000', '42005', '0.001', '-3').map((v) => ({ t: 'n', text: v })),
);

/**
 * Well-formed workbooks in the shapes writers really produce: with or without shared strings,
 * deflated or stored, one or two tabs with the first one hidden; the weapon headers on row 1.
 */
export const xlsxValidCase: fc.Arbitrary<XlsxCase> = fc
  .record({
    rows: fc.array(fc.array(plainCell, { maxLength: 15 }), { maxLength: 12 }),
    omit: fc.constantFrom<XlsxCase['omit']>('none', 'strings'),
    deflate: fc.boolean(),
    second: fc.boolean(),
    firstHidden: fc.boolean(),
    sheetName: fc.constantFrom('Feuil1', 'Registre'),
  })
  .map(({ rows, ...rest }) => ({
    ...rest,
    header: true,
    strings: [],
    junk: '',
    junkAt: 'sheet' as const,
    rows: rows.map((cells, i) => {
      const r = i + 2;
      const xml = cells.map((c, k) => {
        const ref = `${column(k)}${r}`;
        return c.t === 'n' ? `<c r="${ref}"><v>${c.text}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(c.text)}</t></is></c>`;
      });
      return `<row r="${r}">${xml.join('')}</row>`;
    }),
  }));
