import { keyIdHex, type SigningKey } from '../../../../src/main/core/snapshot/minisign';
import { assemble, checkpointText, contentOf, joinLines, NAMES, sha256, trustedComment, withFields, type Base } from '../tamper/snapshot';

/** The seq and prev of an event line, or null when the line is not an event object. */
function ends(body: Buffer | undefined): { seq: string; prev: string } | null {
  if (!body) return null;
  try {
    const e = JSON.parse(body.toString('utf8')) as { seq?: unknown; prev?: unknown };
    return { seq: String(e.seq), prev: String(e.prev) };
  } catch {
    return null;
  }
}

/**
 * The tamper suite's resign for lines that may not parse: the checkpoint follows the events where
 * it can (to-seq, from-seq, head, first-prev, key-id), then `fields` override; signed by `key`.
 */
export function resignAny(base: Base, key: SigningKey, bodies: readonly Buffer[], fields: Record<string, string | null> = {}): Buffer {
  const auto: Record<string, string> = { 'key-id': keyIdHex(key.keyId) };
  const first = ends(bodies[0]);
  const last = ends(bodies.at(-1));
  if (first) {
    auto['from-seq'] = first.seq;
    auto['first-prev'] = first.prev;
  }
  if (last) auto['to-seq'] = last.seq;
  const tail = bodies.at(-1);
  if (tail) auto.head = sha256(tail);
  const pairs = withFields(base.checkpoint, { ...auto, ...fields });
  const checkpoint = Buffer.from(checkpointText(pairs), 'utf8');
  const files = contentOf(base, { [NAMES.checkpoint]: checkpoint, [NAMES.events]: joinLines(bodies) });
  // minisign cannot sign a trusted comment holding NUL or a line break: such an edited field is
  // signed with '?' in its place, so the comment no longer matches the checkpoint (still a forgery to refuse).
  return assemble({ files, key, comment: trustedComment(pairs).replace(/[\0\r\n]/g, '?') });
}
