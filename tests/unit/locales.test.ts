import i18next from 'i18next';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/shared/errors';
import { issueToCoded } from '../../src/shared/validation';

/**
 * The two languages are equal (DESIGN.md rule 5): same files, same keys, same placeholders, same
 * plural forms, and a message for every code core or a form can produce.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const LANGS = ['en', 'fr'] as const;
type Tree = { [key: string]: string | Tree };

const files = (lang: string) => readdirSync(join(root, 'locales', lang)).filter((f) => f.endsWith('.json')).sort();
const load = (lang: string, file: string) => JSON.parse(readFileSync(join(root, 'locales', lang, file), 'utf8')) as Tree;
const namespaces = files('en').map((f) => f.replace(/\.json$/, ''));
const resources = Object.fromEntries(
  LANGS.map((lang) => [lang, Object.fromEntries(namespaces.map((ns) => [ns, load(lang, `${ns}.json`)]))]),
) as Record<(typeof LANGS)[number], Record<string, Tree>>;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** `{{name}}` and `{{name, number}}` are the same placeholder; `$t(ns:key)` nesting counts too. */
function placeholders(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => `{{${m[1]}}}`);
  const nested = [...text.matchAll(/\$t\(([^),]+)/g)].map((m) => `$t(${m[1]})`);
  return [...new Set([...names, ...nested])].sort();
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const flat = Object.fromEntries(
  LANGS.map((lang) => [lang, Object.fromEntries(namespaces.map((ns) => [ns, flatten(resources[lang][ns] ?? {})]))]),
) as Record<(typeof LANGS)[number], Record<string, Map<string, string>>>;

function has(lang: (typeof LANGS)[number], ns: string, key: string): boolean {
  return Boolean(flat[lang][ns]?.get(key)?.trim());
}

describe('locales', () => {
  it('hold the same files in every language', () => {
    expect(files('fr')).toEqual(files('en'));
    expect(namespaces.length).toBeGreaterThan(0);
  });

  it.each(namespaces)('%s: same keys in English and French, none empty', (ns) => {
    const en = flat.en[ns] ?? new Map<string, string>();
    const fr = flat.fr[ns] ?? new Map<string, string>();
    expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
    for (const lang of LANGS) {
      const empty = [...(flat[lang][ns] ?? new Map<string, string>())].filter(([, v]) => !v.trim()).map(([k]) => k);
      expect(empty, `${lang}/${ns}.json empty values`).toEqual([]);
    }
  });

  it.each(namespaces)('%s: same placeholders in English and French', (ns) => {
    const mismatches: string[] = [];
    for (const [key, en] of flat.en[ns] ?? []) {
      const fr = flat.fr[ns]?.get(key);
      if (fr === undefined) continue;
      if (placeholders(en).join() !== placeholders(fr).join()) {
        mismatches.push(`${key}: en ${placeholders(en).join(' ')} / fr ${placeholders(fr).join(' ')}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('give every plural both the _one and _other forms in both languages', () => {
    const missing: string[] = [];
    for (const lang of LANGS) {
      for (const ns of namespaces) {
        for (const key of flat[lang][ns]?.keys() ?? []) {
          const base = key.replace(PLURAL, '');
          if (base === key) continue;
          for (const form of ['one', 'other']) if (!has(lang, ns, `${base}_${form}`)) missing.push(`${lang} ${ns}:${base}_${form}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('plural selection', () => {
  const i18n = i18next.createInstance();
  void i18n.init({ resources, lng: 'fr', fallbackLng: false, ns: namespaces, defaultNS: 'common', interpolation: { escapeValue: false }, initAsync: false });
  i18n.addResourceBundle('fr', 'probe', { item_one: 'ONE {{count}}', item_other: 'OTHER {{count}}' });
  i18n.addResourceBundle('en', 'probe', { item_one: 'ONE {{count}}', item_other: 'OTHER {{count}}' });

  it('treats 0 and 1 as singular in French, only 1 in English', () => {
    const fr = i18n.getFixedT('fr', 'probe');
    const en = i18n.getFixedT('en', 'probe');
    expect([0, 1, 2].map((count) => fr('item', { count }))).toEqual(['ONE 0', 'ONE 1', 'OTHER 2']);
    expect([0, 1, 2].map((count) => en('item', { count }))).toEqual(['OTHER 0', 'ONE 1', 'OTHER 2']);
    // French has a "many" category (1 000 000); without _many the _other form is used.
    expect(fr('item', { count: 1_000_000 })).toBe('OTHER 1000000');
  });

  const plurals = namespaces.flatMap((ns) =>
    [...(flat.en[ns]?.keys() ?? [])].filter((k) => k.endsWith('_one')).map((k) => [ns, k.replace(/_one$/, '')] as const),
  );

  it('has plural keys to check', () => {
    expect(plurals.length).toBeGreaterThan(0);
  });

  it.each(plurals)('%s:%s picks the right form for 0, 1 and 2', (ns, base) => {
    const expected = { fr: ['one', 'one', 'other'], en: ['other', 'one', 'other'] };
    for (const lang of LANGS) {
      const t = i18n.getFixedT(lang, ns);
      [0, 1, 2].forEach((count, i) => {
        expect(t(base, { count }), `${lang} ${base} ${count}`).toBe(t(`${base}_${expected[lang][i]}`, { count }));
      });
    }
  });
});

/** Source files under a folder, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every code issueToCoded can produce, found by feeding it each kind of issue. */
function validationCodes(): string[] {
  const issues = [
    { code: 'invalid_type', input: undefined },
    { code: 'invalid_type', input: 5 },
    { code: 'too_small', input: 'a', minimum: 2 },
    { code: 'too_small', input: 1, minimum: 2 },
    { code: 'too_small', input: '' },
    { code: 'too_big', input: 'abc', maximum: 2 },
    { code: 'too_big', input: 3, maximum: 2 },
    { code: 'invalid_value', input: 'x' },
    { code: 'invalid_value', input: '' },
    { code: 'invalid_format', input: 'x' },
    { code: 'custom', input: 'x', message: 'Not A Code' },
    { code: 'something_new', input: 'x' },
  ];
  return issues.map((i) => issueToCoded(i).code);
}

/** Custom codes written in src/shared schemas: `.refine(..., 'code')`, `.regex(re, 'code')`, `message: 'code'`. */
function sharedCustomCodes(): string[] {
  const codes = new Set<string>();
  for (const file of sources(join(root, 'src/shared'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\.(?:refine|regex)\(.*?,\s*'([a-z_]+)'\s*\)/g)) codes.add(m[1] as string);
    for (const m of text.matchAll(/message:\s*'([a-z_]+)'/g)) codes.add(m[1] as string);
  }
  return [...codes].sort();
}

/** Codes core puts on fields: `field: { code: 'x' }` properties in src/main/core (not other coded values). */
function coreFieldCodes(): string[] {
  const codes = new Set<string>();
  for (const file of sources(join(root, 'src/main/core'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/[\w'"]\s*:\s*\{\s*code:\s*'([a-z_]+)'/g)) codes.add(m[1] as string);
  }
  return [...codes].sort();
}

describe('messages for codes', () => {
  it('has an errors: message for every ERROR_CODES entry in both languages', () => {
    const missing = LANGS.flatMap((lang) => Object.keys(ERROR_CODES).filter((c) => !has(lang, 'errors', c)).map((c) => `${lang}:${c}`));
    expect(missing).toEqual([]);
  });

  it('errors: messages name the parameters core sends', () => {
    for (const lang of LANGS) {
      for (const code of ['duplicate_national_code', 'duplicate_serial']) {
        expect(placeholders(flat[lang].errors?.get(code) ?? '')).toEqual(['{{value}}', '{{weaponId}}']);
      }
      expect(placeholders(flat[lang].errors?.get('database_from_future') ?? '')).toEqual(['{{found}}', '{{supported}}']);
    }
  });

  it('finds the codes it must check (the scanners still work)', () => {
    expect(validationCodes()).toEqual(expect.arrayContaining(['required', 'invalid', 'too_short', 'too_small', 'too_long', 'too_big', 'not_in_list', 'invalid_format']));
    expect(sharedCustomCodes()).toEqual(
      expect.arrayContaining(['year_in_future', 'invalid_date', 'date_in_future', 'username_chars', 'code_chars', 'passwords_differ']),
    );
    expect(coreFieldCodes()).toEqual(expect.arrayContaining(['wrong_password', 'username_taken', 'last_manager', 'duplicate_serial']));
  });

  it('has a fieldErrors: message for every code a form field can show', () => {
    const codes = new Set([
      ...validationCodes(),
      ...sharedCustomCodes(),
      ...coreFieldCodes(),
      // Sent on fields by core or set by the UI for credential checks.
      'approver_bad_credentials', 'approver_same_person', 'approver_needs_manager', 'correction_no_change',
      'duplicate_national_code',
    ]);
    const missing = LANGS.flatMap((lang) => [...codes].filter((c) => !has(lang, 'fieldErrors', c)).map((c) => `${lang}:${c}`));
    expect(missing).toEqual([]);
  });

  it('has labels for every role, language and agency', async () => {
    const { AGENCIES, LANGUAGES, ROLES } = await import('../../src/shared/domain/enums');
    const keys = [...ROLES.map((r) => `role.${r}`), ...LANGUAGES.map((l) => `language.${l}`), ...AGENCIES.map((a) => `agency.${a}`)];
    const missing = LANGS.flatMap((lang) => keys.filter((k) => !has(lang, 'enums', k)).map((k) => `${lang}:${k}`));
    expect(missing).toEqual([]);
  });
});
