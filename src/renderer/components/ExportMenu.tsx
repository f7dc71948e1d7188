import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { exportQuery } from '../../shared/contract/spreadsheet';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/domain/spreadsheet';
import type { AppErrorShape } from '../../shared/result';
import { formatNumber } from '../i18n/format';
import { call } from '../lib/client';
import './ExportMenu.css';
import { ErrorBanner } from './ErrorBanner';
import { useLanguage } from './useLanguage';
import { useSaveExport } from './useSaveExport';

/** What a screen exports: its kind and its current filters (exportQuery in the contract). */
export type ExportRequest = z.input<typeof exportQuery>;

/**
 * "Export ▾ CSV / Excel (XLSX)": core writes every row the screen's filters select into the
 * exports folder, then the shell's save dialog copies it where the user wants (a USB stick).
 * A menu button: Enter or ↓ opens it, ↑/↓ move, Escape closes it and gives the focus back.
 */
export function ExportMenu(props: { request: ExportRequest; label?: string; disabled?: boolean; testId?: string }) {
  const { t } = useTranslation('imports');
  const lang = useLanguage();
  const testId = props.testId ?? 'export';
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [writing, setWriting] = useState(false);
  const [rows, setRows] = useState<number | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const saver = useSaveExport();
  const box = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) box.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  };

  const run = async (format: ExportFormat) => {
    close(true);
    setError(null);
    setRows(null);
    saver.clear();
    setWriting(true);
    const r = await call('exports.spreadsheet', { ...props.request, format });
    setWriting(false);
    if (!r.ok) return setError(r.error);
    setRows(r.value.rows);
    await saver.save(r.value.fileName);
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(box.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (e.key === 'Tab') setOpen(false);
  };

  const busy = writing || saver.busy;
  const saved = saver.result?.saved ? saver.result : null;
  return (
    <div
      className="export-menu no-print"
      ref={box}
      onBlur={(e) => {
        if (open && !box.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={trigger}
        type="button"
        className="reg-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy}
        disabled={props.disabled || busy}
        data-testid={testId}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {busy ? <span className="spinner" aria-hidden="true" /> : null}
        {busy ? t('export.busy') : (props.label ?? t('export.button'))}
        <span aria-hidden="true"> ▾</span>
      </button>
      {open ? (
        <div className="export-menu__list" role="menu" id={menuId} aria-label={t('export.menuLabel')} onKeyDown={onMenuKey}>
          {EXPORT_FORMATS.map((format) => (
            <button key={format} type="button" role="menuitem" tabIndex={-1} className="export-menu__item" data-testid={`${testId}-${format}`} onClick={() => void run(format)}>
              {t(`export.format.${format}`)}
            </button>
          ))}
        </div>
      ) : null}
      {saved ? (
        <span className="export-menu__status" role="status" data-testid={`${testId}-saved`} data-path={saved.path ?? ''} data-rows={rows ?? 0}>
          {t('export.saved', { count: rows ?? 0, n: formatNumber(rows ?? 0, lang), path: saved.path ?? '' })}
        </span>
      ) : null}
      {saver.result?.error ? (
        <span className="field__error" role="alert" data-testid={`${testId}-error`}>
          {t(saver.result.error === 'missing' ? 'export.missing' : 'export.failed')}
        </span>
      ) : null}
      <ErrorBanner error={error} testId={`${testId}-error`} />
    </div>
  );
}
