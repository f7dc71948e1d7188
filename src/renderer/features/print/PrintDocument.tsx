import { useEffect, useState, type ReactNode } from 'react';
import type { JournalHead } from '../../../shared/contract/app';
import type { AppErrorShape } from '../../../shared/result';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useAppStatus, useNavigate, type Screen } from '../../app/navigation';
import { call } from '../../lib/client';
import { HeadLine } from './HeadLine';
import { usePrintLabels } from './labels';
import { pageStyle } from './pageStyle';
import { PrintToolbar } from './PrintToolbar';
import { Signatures, type SignatureRole } from './Signatures';
import './print.css';

export interface PrintDocumentProps {
  /** The document's name, as on the paper form (also at the foot of every page). */
  title: string;
  /** Suggested PDF file name, without extension (made safe by the shell). */
  fileName: string;
  orientation?: 'portrait' | 'landscape';
  /** What the document covers: period, filters, scope; a partial list must say so. */
  subtitle?: ReactNode;
  /**
   * The journal head read with the data (reports give it); when absent it is read once the data is
   * in, so the paper names the state it shows.
   */
  head?: JournalHead | null;
  /** When the data was read; defaults to when the document opened. */
  at?: string;
  signatures?: readonly SignatureRole[];
  signatureNames?: Partial<Record<SignatureRole, string>>;
  /** The data is in: printing is allowed and tests may read the page. */
  ready: boolean;
  error?: AppErrorShape | null;
  back: Screen;
  children?: ReactNode;
}

/**
 * One printed document: the toolbar on screen; on paper (A4) the armoury's identity, the title,
 * the date and time, the journal head (sequence and hash) at the time of reading, the body, the
 * signature blocks, and "page x / y" with the title at the foot of every page.
 */
export function PrintDocument(props: PrintDocumentProps) {
  const labels = usePrintLabels();
  const navigate = useNavigate();
  const { armoury } = useAppStatus();
  const [openedAt] = useState(() => new Date().toISOString());
  const [readHead, setReadHead] = useState<JournalHead | null>(null);
  const needsHead = props.ready && props.head === undefined;
  useEffect(() => {
    if (needsHead) void call('journal.head', {}).then((r) => r.ok && setReadHead(r.value));
  }, [needsHead]);
  const head = props.head ?? readHead;
  const ready = props.ready && head !== null;
  const orientation = props.orientation ?? 'portrait';
  const footer = `${props.title} · ${armoury?.code ?? ''}`;
  return (
    <section className="print-screen">
      <style>{pageStyle({ orientation, footer, pageOf: labels.t('pageOf', { page: '\u0000', pages: '\u0001' }) })}</style>
      <PrintToolbar ready={ready} fileName={props.fileName} onBack={() => navigate(props.back)} />
      {props.error ? <ErrorBanner error={props.error} /> : null}
      <article
        className={`print-doc print-doc--${orientation}`}
        data-testid="print-document"
        data-ready={ready ? 'true' : 'false'}
        aria-busy={!ready}
      >
        <header className="print-head">
          <div className="print-head__armoury">
            <strong>{armoury?.name}</strong> <span className="code">{armoury?.code}</span>
            {armoury?.region ? <span>{` · ${armoury.region}`}</span> : null}
          </div>
          <h1 className="print-head__title">{props.title}</h1>
          {props.subtitle ? <div className="print-head__subtitle">{props.subtitle}</div> : null}
          <p className="print-head__meta">{labels.t('printedAt', { date: labels.dateTime(props.at ?? openedAt) })}</p>
          {head ? <HeadLine head={head} testId="print-head-hash" /> : null}
        </header>
        {props.ready ? props.children : <p className="print-doc__loading no-print">{labels.t('loading')}</p>}
        {props.ready && props.signatures?.length ? <Signatures roles={props.signatures} names={props.signatureNames ?? {}} /> : null}
      </article>
    </section>
  );
}
