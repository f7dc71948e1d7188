import type { JournalHead } from '../../../shared/contract/app';
import { usePrintLabels } from './labels';

/**
 * "Journal head: entry N · hash H" with the hash kept whole on one line (it may move to the next
 * line, never break inside): a hash cut in two cannot be compared by eye or by a reader.
 */
export function HeadLine(props: { head: JournalHead; className?: string; testId?: string }) {
  const labels = usePrintLabels();
  const [before = '', after = ''] = labels.t('journalHead', { seq: labels.number(props.head.seq), hash: '\u0000' }).split('\u0000');
  return (
    <p className={props.className ?? 'print-head__meta'} data-testid={props.testId}>
      {before}
      <span className="print-hash">{props.head.hash}</span>
      {after}
    </p>
  );
}
