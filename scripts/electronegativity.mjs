#!/usr/bin/env node
// Electronegativity (Doyensec's Electron security linter) over src/, offline, judged against a
// reviewed allowlist: exits 1 on any finding the allowlist does not explain, on an allowlist entry
// that no longer matches anything (so the list stays a true record), on a file the tool could not
// parse (it would not have checked it), or when the tool fails or scans nothing.
//
//   node scripts/electronegativity.mjs                 scan src/ and judge the findings
//   node scripts/electronegativity.mjs --csv r.csv     judge a report of `electronegativity -i src -r -o r.csv` (tests)
//   --allowlist <file>                                 another allowlist (default security/electronegativity-allowlist.json)
//
// The scan calls the package's own entry point (`run`, what its CLI calls) rather than reading the
// CLI's CSV: that writer starts the header and the rows as two concurrent async writes, and under
// load the header lands over the first row or truncates the rows away (seen here: a report whose
// first row was cut, and a header-only report reads as "no findings"); it also leaves out files it
// could not parse, which `run` returns as errors. The findings are the same objects the CSV prints.
//
// A finding is matched by check id + file (relative to the repository) + its sample: the trimmed
// source line the tool quotes (for the CSP check, the policy itself). Line numbers are not used,
// so unrelated edits above a finding do not invalidate its review, but a change to the line does.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const SCANNED = 'src';
// Needs the network (a list of Electron releases); everything else runs offline.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const MIN_REASON = 40;

function args(argv) {
  const out = { csv: null, allowlist: join(root, 'security', 'electronegativity-allowlist.json') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--csv') out.csv = argv[++i];
    else if (argv[i] === '--allowlist') out.allowlist = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return out;
}

/** RFC 4180 rows (quoted fields with "" escapes, commas and newlines inside quotes). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

const squash = (s) => String(s ?? '').trim().replace(/\s+/g, ' ');

/** The report's findings; `prefix` turns the tool's paths (relative to the scanned folder) into repository paths. */
export function findingsFromCsv(text, prefix) {
  const rows = parseCsv(text);
  const header = rows.shift()?.map((h) => h.trim());
  const expected = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];
  if (!header || header.join() !== expected.join()) throw new Error(`unexpected report header: ${header?.join(', ') ?? '(empty report)'}`);
  return rows.map((r) => {
    if (r.length !== expected.length) throw new Error(`malformed report row: ${r.join(',')}`);
    const [check, severity, confidence, file, location, sample, description] = r;
    const path = file === 'N/A' ? 'N/A' : `${prefix}${file}`.replaceAll('\\', '/');
    return { check, severity, confidence, file: path, location, sample: squash(sample), description };
  });
}

export function loadAllowlist(path) {
  const json = JSON.parse(readFileSync(path, 'utf8'));
  const problems = [];
  const entries = Array.isArray(json.entries) ? json.entries : [];
  if (!Array.isArray(json.entries)) problems.push('allowlist: "entries" must be an array');
  entries.forEach((e, i) => {
    for (const key of ['check', 'file', 'sample', 'reason']) {
      if (typeof e?.[key] !== 'string' || e[key].trim() === '') problems.push(`allowlist entry ${i}: "${key}" is missing`);
    }
    if (typeof e?.reason === 'string' && e.reason.trim().length < MIN_REASON) problems.push(`allowlist entry ${i} (${e.check}): the reason is too short to be a review`);
  });
  return { entries, problems };
}

/** Splits findings into explained and unexplained, and lists allowlist entries that matched nothing. */
export function judge(findings, entries) {
  const used = new Set();
  const unexplained = [];
  const explained = [];
  for (const f of findings) {
    const i = entries.findIndex((e) => e.check === f.check && e.file === f.file && squash(e.sample) === f.sample);
    if (i < 0) unexplained.push(f);
    else {
      explained.push({ finding: f, entry: entries[i] });
      used.add(i);
    }
  }
  const stale = entries.filter((_, i) => !used.has(i));
  return { explained, unexplained, stale };
}

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(js|jsx|ts|tsx|html|htm)$/i.test(name) ? [path] : [];
  });
}

/** A finding of `run` in the shape of a CSV row (same fields, same N/A for a missing sample). */
function findingFromIssue(issue) {
  return {
    check: issue.id,
    severity: issue.severity?.name ?? '?',
    confidence: issue.confidence?.name ?? '?',
    file: issue.file === 'N/A' ? 'N/A' : `${SCANNED}/${issue.file}`.replaceAll('\\', '/'),
    location: `${issue.location?.line}:${issue.location?.column}`,
    sample: squash(issue.sample ?? 'N/A'),
    description: issue.description,
  };
}

async function scan() {
  const require = createRequire(import.meta.url);
  const tool = require('@doyensec/electronegativity/package.json');
  const runModule = require('@doyensec/electronegativity');
  const run = typeof runModule === 'function' ? runModule : runModule.default;
  const electron = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies?.electron;
  if (!electron) throw new Error('package.json has no electron devDependency to tell the tool which defaults apply');
  const files = sourceFiles(join(root, SCANNED)).length;
  if (files === 0) return { error: `no file to scan in ${SCANNED}/` };

  // The options its CLI builds from `-i src -r -e <electron> -x AvailableSecurityFixesGlobalCheck`.
  const result = await run(
    {
      input: join(root, SCANNED),
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
      isRelative: true,
      isVerbose: true,
      electronVersionOverride: electron,
      parserPlugins: [],
    },
    false,
  );
  if (!result || !Array.isArray(result.issues) || !Array.isArray(result.errors)) return { error: 'electronegativity returned no result' };
  if (result.atomicChecks === 0) return { error: 'electronegativity ran no check' };
  const unparsed = result.errors.filter((e) => !e.tolerable);
  if (unparsed.length > 0) {
    const list = unparsed.map((e) => `${String(e.file).replace(`${root}/`, '')}: ${String(e.message).split('\n')[0]}`);
    return { error: `electronegativity could not parse ${unparsed.length} file(s), so it did not check them:\n  ${list.join('\n  ')}` };
  }
  for (const w of result.errors) console.warn(`  parser warning: ${w.file}: ${w.message}`);
  return { findings: result.issues.map(findingFromIssue), files, checks: result.atomicChecks + result.globalChecks, version: tool.version, electron };
}

async function main() {
  const opts = args(process.argv.slice(2));
  let findings;
  if (opts.csv) {
    const text = readFileSync(opts.csv, 'utf8');
    if (text.trim() === '') {
      console.error('electronegativity: empty report');
      return 1;
    }
    findings = findingsFromCsv(text, `${SCANNED}/`);
  } else {
    const s = await scan();
    if (s.error) {
      console.error(s.error);
      return 1;
    }
    console.log(`electronegativity ${s.version}: ${s.checks} checks over ${s.files} files of ${SCANNED}/ as Electron ${s.electron}; ${EXCLUDED_CHECKS.join(', ')} excluded (needs the network)`);
    findings = s.findings;
  }

  const { entries, problems } = loadAllowlist(opts.allowlist);
  const { explained, unexplained, stale } = judge(findings, entries);

  for (const { finding: f } of explained) console.log(`  explained: ${f.check} ${f.file}:${f.location}`);
  for (const f of unexplained) {
    console.error(`UNEXPLAINED ${f.check} [${f.severity}/${f.confidence}] ${f.file}:${f.location}`);
    console.error(`    sample: ${f.sample}`);
    console.error(`    ${f.description}`);
    console.error(`    fix it, or add {"check": ${JSON.stringify(f.check)}, "file": ${JSON.stringify(f.file)}, "sample": ${JSON.stringify(f.sample)}, "reason": "..."} to the allowlist after review`);
  }
  for (const e of stale) console.error(`STALE allowlist entry (matches no finding; remove it or update its sample): ${e.check} ${e.file}: ${e.sample}`);
  for (const p of problems) console.error(p);

  const bad = unexplained.length + stale.length + problems.length;
  console.log(`electronegativity: ${findings.length} finding(s), ${explained.length} explained by the allowlist, ${unexplained.length} unexplained, ${stale.length} stale allowlist entr${stale.length === 1 ? 'y' : 'ies'}`);
  return bad > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(`electronegativity check failed: ${error?.stack ?? error}`);
      process.exitCode = 1;
    },
  );
}
