import type { ExportFormat } from '../../../../shared/domain/spreadsheet';
import { fileStamp } from './time';

/** Letters without accents, digits, '.', '_' and '-': a name every file system and USB stick takes. */
export function asciiName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** `<kind label>-<armoury code>-<yyyymmdd-hhmm>.<csv|xlsx>`, e.g. registre-des-armes-ML-TST-01-20250301-1405.csv. */
export function exportFileName(title: string, armouryCode: string, now: Date, format: ExportFormat): string {
  const parts = [asciiName(title).toLowerCase() || 'export', asciiName(armouryCode), fileStamp(now)].filter((p) => p !== '');
  return `${parts.join('-')}.${format}`;
}
