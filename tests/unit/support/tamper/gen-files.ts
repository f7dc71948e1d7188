import type { RejectionReason } from '../../../../src/shared/domain/snapshot';
import { hex64, original, type Mutation } from './mutation';
import { contentOf, joinLines, lines, NAMES, resign, sha256, sign, sumsText } from './snapshot';
import { writeZip, type RawEntry } from './zip';

/** State files that contradict the checkpoint or the documented line shape. */
export const stateMismatch: Mutation = (c) => {
  const { r, base } = c;
  const weapons = lines(base.entries.get(NAMES.weapons) ?? Buffer.alloc(0));
  const lots = lines(base.entries.get(NAMES.lots) ?? Buffer.alloc(0));
  const toSeq = base.toSeq;
  const w = weapons.map((l) => JSON.parse(l.toString()) as Record<string, unknown>);
  const i = r.int(0, w.length - 1);
  const kind = r.pick(['weapon dropped', 'weapon twice', 'weapons swapped', 'status', 'type', 'agency', 'extra field', 'missing field', 'id zero', 'id past to-seq', 'updatedSeq past to-seq', 'count', 'no final line feed', 'not JSON', 'lot dropped', 'rounds', 'lots count'] as const);
  const line = (o: Record<string, unknown>) => Buffer.from(JSON.stringify(o));
  const ws = [...weapons];
  let lotsOut = [...lots];
  let fields: Record<string, string> = {};
  let weaponsBytes: Buffer | null = null;
  const patch = (p: Record<string, unknown>) => { ws[i] = line({ ...w[i], ...p }); };
  switch (kind) {
    case 'weapon dropped': ws.splice(i, 1); break;
    case 'weapon twice': ws.splice(i, 0, ws[i] as Buffer); fields = { weapons: String(ws.length) }; break;
    case 'weapons swapped': { const j = i === 0 ? 1 : i - 1; [ws[i], ws[j]] = [ws[j] as Buffer, ws[i] as Buffer]; break; }
    case 'status': patch({ status: r.pick(['flying', 'LOST', '']) }); break;
    case 'type': patch({ type: 'cannon' }); break;
    case 'agency': patch({ agency: 'army-navy' }); break;
    case 'extra field': patch({ owner: 'X' }); break;
    case 'missing field': { const { serial: _s, ...rest } = w[i] as Record<string, unknown>; ws[i] = line(rest); break; }
    case 'id zero': patch({ id: 0 }); break;
    case 'id past to-seq': { const last = w.length - 1; ws[last] = line({ ...w[last], id: toSeq + r.int(1, 100) }); break; }
    case 'updatedSeq past to-seq': patch({ updatedSeq: toSeq + r.int(1, 100) }); break;
    case 'count': fields = { weapons: String(weapons.length + r.pick([1, -1, 100])) }; break;
    case 'no final line feed': weaponsBytes = joinLines(ws).subarray(0, -1); break;
    case 'not JSON': ws[i] = Buffer.from((ws[i] as Buffer).toString().slice(0, -1)); break;
    case 'lot dropped': lotsOut = lotsOut.slice(1); break;
    case 'rounds': lotsOut = lotsOut.map((l, j) => (j === 0 ? line({ ...JSON.parse(l.toString()), rounds: -5 }) : l)); break;
    case 'lots count': fields = { lots: String(lots.length + 1) }; break;
  }
  const replace = { [NAMES.weapons]: weaponsBytes ?? joinLines(ws), [NAMES.lots]: joinLines(lotsOut) };
  return { what: `state: ${kind}`, bytes: resign({ base, key: c.w.keys.alpha, replace, fields }) };
};

/** Sums text signed as it is: a form sha256sum would read differently, or the files it must list. */
export const sumsFault: Mutation = (c) => {
  const { r, base, w } = c;
  const files = contentOf(base);
  const good = sumsText(files);
  const kind = r.pick(['lists itself', 'lists the signature', 'one space', 'upper-case', 'binary mode', 'twice', 'no final line feed', 'CRLF', 'empty', 'space in name', 'blank line', 'comment line', 'lists an absent file', 'state file absent', 'file not listed', 'wrong hash'] as const);
  const lineOf = (name: string, data: Buffer) => `${sha256(data)}  ${name}\n`;
  let sums = good;
  let archive = files;
  let reason: RejectionReason = 'malformed_sums';
  switch (kind) {
    case 'lists itself': sums = good + lineOf(NAMES.sums, Buffer.from(good)); break;
    case 'lists the signature': sums = `${good}${'0'.repeat(64)}  ${NAMES.signature}\n`; break;
    case 'one space': sums = good.replace('  ', ' '); break;
    case 'upper-case': sums = good.replace(/^[0-9a-f]{64}/, (h) => h.toUpperCase().replace(/^[0-9]/, 'A')); break;
    case 'binary mode': sums = good.replace('  ', ' *'); break;
    case 'twice': sums = good + good.split('\n')[0] + '\n'; break;
    case 'no final line feed': sums = good.slice(0, -1); break;
    case 'CRLF': sums = good.replace(/\n/g, '\r\n'); break;
    case 'empty': sums = ''; break;
    case 'space in name': sums = good.replace('state/weapons.ndjson', 'state/weapons .ndjson'); break;
    case 'blank line': sums = `${good}\n`; break;
    case 'comment line': sums = `# sha256sum\n${good}`; break;
    case 'lists an absent file': sums = good + lineOf(r.pick(['README.txt', 'state/extra.ndjson']), Buffer.from('x')); reason = 'entry_missing'; break;
    case 'state file absent': archive = files.filter((f) => f.name !== NAMES.lots); reason = 'entry_missing'; break;
    case 'file not listed': {
      const unlisted = r.pick([NAMES.lots, NAMES.weapons, NAMES.checkpoint, NAMES.events]);
      sums = sumsText(files.filter((f) => f.name !== unlisted));
      reason = 'entry_unexpected';
      break;
    }
    case 'wrong hash': {
      const victim = r.pick(files);
      sums = good.replace(`${sha256(victim.data)}  ${victim.name}`, `${r.chance(0.5) ? hex64(r) : sha256(Buffer.concat([victim.data, Buffer.from('\n')]))}  ${victim.name}`);
      reason = 'file_hash_mismatch';
      break;
    }
  }
  const data = Buffer.from(sums, 'utf8');
  const entries: RawEntry[] = [...archive, { name: NAMES.sums, data }, { name: NAMES.signature, data: sign(data, w.keys.alpha, original(c)) }];
  return { what: `SHA256SUMS: ${kind} [${reason}]`, bytes: writeZip(entries) };
};

