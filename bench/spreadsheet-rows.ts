import { closeSync, openSync, writeSync } from 'node:fs';
import iconv from 'iconv-lite';
import { prng } from '../src/main/core/demo/generate';

/**
 * A weapons register as a French armoury keeps it in Excel and saves as "CSV (séparateur :
 * point-virgule)": Windows-1252, ';', CRLF, French headers, dd/mm/yyyy dates, register words for
 * types, agencies, countries and acquisition modes, serials with leading zeros, a few notes
 * quoted because they hold a ';' or a quote. Unique national codes and serials.
 */
export const BENCH_HEADERS = [
  'N° national', 'N° de série', 'Marque', 'Modèle', 'Type d’arme', 'Calibre', 'Pays de fabrication', 'Année', 'Emplacement du marquage',
  'Service', 'Emplacement', 'Date d’acquisition', 'Mode d’acquisition', 'Provenance', 'Référence du document', 'État', 'Observations',
];

const MODELS: readonly (readonly [string, string, string, string, string])[] = [
  // manufacturer, model, type word, calibre, country as registers write it
  ['Norinco', 'Type 56', 'Fusil d’assaut', '7,62x39', 'Chine'],
  ['Kalashnikov Concern', 'AKM', 'Kalachnikov', '7,62x39', 'URSS'],
  ['FN Herstal', 'FAL', 'Fusil', '7,62x51', 'Belgique'],
  ['Beretta', '92 FS', 'Pistolet automatique', '9 mm', 'Italie'],
  ['Manufrance', 'Simplex', 'Fusil de chasse', 'Calibre 12', 'France'],
  ['Heckler & Koch', 'MP5', 'Pistolet mitrailleur', '9 mm', 'Allemagne'],
  ['Zastava', 'M84', 'Mitrailleuse', '7,62x54R', 'Yougoslavie'],
  ['Manurhin', 'MR 73', 'Révolver', '.357 Magnum', 'France'],
];
const AGENCIES = ['Police nationale', 'Gendarmerie', 'Garde nationale', 'Douanes', 'Eaux et Forêts'];
const MODES = ['Dotation', 'Achat', 'Saisie', 'Don', 'Récupération'];
const STATES = ['Bon état', 'Bon état', 'Bon état', 'À réparer', 'HS'];
const NOTES = ['', '', '', 'Crosse fêlée', 'Reçue avec 2 chargeurs; bretelle manquante', 'Dite « la vieille »', 'Marquage œuvre – vérifié', 'Fourni par l’État (coût 150 €)'];

const quote = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

type Random = ReturnType<typeof prng>;

function row(i: number, r: Random): string {
  const { pick } = r;
  const rand = r.next;
  const [manufacturer, model, type, calibre, country] = pick(MODELS);
  const n = String(i).padStart(7, '0');
  const year = 1960 + Math.floor(rand() * 60);
  const day = `${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}/${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}/${2000 + Math.floor(rand() * 23)}`;
  return [
    `ML-PN-${n}`, `00${n}`, manufacturer, model, type, calibre, country, String(year), 'Boîte de culasse, côté gauche', pick(AGENCIES),
    `Râtelier ${String.fromCharCode(65 + Math.floor(rand() * 8))} / ${1 + Math.floor(rand() * 40)}`, day, pick(MODES), 'Dépôt central de Bamako',
    `BL-${2000 + Math.floor(rand() * 23)}-${String(i % 1000).padStart(3, '0')}`, pick(STATES), pick(NOTES),
  ]
    .map(quote)
    .join(';');
}

/** Writes the register (header row first) in Windows-1252; returns its size in bytes. */
export function writeBenchRegister(path: string, rows: number): number {
  const random = prng(20240601);
  const fd = openSync(path, 'w');
  let size = 0;
  try {
    const write = (text: string) => {
      const bytes = iconv.encode(text, 'windows-1252');
      writeSync(fd, bytes);
      size += bytes.length;
    };
    write(`${BENCH_HEADERS.join(';')}\r\n`);
    const lines: string[] = [];
    for (let i = 1; i <= rows; i++) {
      lines.push(row(i, random));
      if (lines.length === 5000 || i === rows) {
        write(`${lines.join('\r\n')}\r\n`);
        lines.length = 0;
      }
    }
  } finally {
    closeSync(fd);
  }
  return size;
}
