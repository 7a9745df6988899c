/** The exact link to this view with its QR code, an embed snippet, and downloads of the selection. */
import type { ComponentChildren } from 'preact';
import type QRCode from 'qrcode-generator';
import { useEffect, useState } from 'preact/hooks';
import { saveFile } from '../charts/download';
import { exportName, toCsv, toGeoJson } from '../core/export';
import type { Filters } from '../core/filters';
import type { Story } from '../core/stories';
import type { MunicipalityRecord, Project } from '../core/types';
import type { I18n } from '../i18n';
import { Panel } from './Panel';

interface Props {
  url: string;
  embedUrl: string;
  /** Null while the projects are loading. */
  selection: readonly Project[] | null;
  /** Why the selection's projects cannot come for the downloads; null: they are coming. */
  unavailable: string | null;
  filters: Filters;
  municipalities: ReadonlyMap<string, MunicipalityRecord>;
  i18n: I18n;
  /** Renders the map view as a PNG of the given width. */
  mapPng(width: number): Promise<Blob>;
  /** The projects with their details (the CSV lists their sources). */
  whole(projects: readonly Project[]): Promise<Project[]>;
  /** The selection as a workbook (its button). */
  workbook: ComponentChildren;
  /** A tour made or opened in the page: its own link (the tour in the fragment) and QR code. */
  tour: Story | null;
  onClose(): void;
}

/**
 * The QR code drawn as one SVG path from the module matrix: generated here, no service. Its
 * encoder loads with the first dialog, not with the page: until it has arrived a placeholder says
 * so (never an empty code), and if it cannot arrive (offline before it was ever loaded) it says why.
 */
function QrCode({ text, label, i18n }: { text: string; label: string; i18n: I18n }) {
  const [encoder, setEncoder] = useState<{ make: typeof QRCode } | { failed: string } | null>(null);
  useEffect(
    () =>
      void import('qrcode-generator').then(
        (m) => setEncoder({ make: m.default }),
        (e: unknown) => setEncoder({ failed: e instanceof Error ? e.message : String(e) }),
      ),
    [],
  );
  if (!encoder || 'failed' in encoder)
    return (
      <p class="qr qr-placeholder" aria-busy={!encoder}>
        {encoder ? i18n.t('qrFailed') : i18n.t('qrDrawing')}
      </p>
    );
  const qr = encoder.make(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  let d = '';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + 4},${r + 4}h1v1h-1z`;
  return (
    <svg class="qr" viewBox={`0 0 ${n + 8} ${n + 8}`} width={200} height={200} role="img" aria-label={label}>
      <rect width={n + 8} height={n + 8} fill="#fff" />
      <path d={d} fill="#000" shape-rendering="crispEdges" />
    </svg>
  );
}

const PNG_WIDTH = 3000;

const download = (name: string, type: string, content: string | Blob) => saveFile(name, content instanceof Blob ? content : new Blob([content], { type }));

/** A tour's link, made where the tour-link module has loaded; or why there is none. */
function TourLink({ tour, i18n }: { tour: Story; i18n: I18n }) {
  const { t } = i18n;
  const [made, setMade] = useState<{ link: string } | { tooLong: number } | null>(null);
  useEffect(() => void import('../tours/link').then(({ tourLink }) => setMade(tourLink(tour))), [tour]);
  if (!made) return null;
  if ('tooLong' in made) return <p class="note">{t('tourLinkTooLong', { n: made.tooLong })}</p>;
  return (
    <>
      <label class="field">
        {t('tourShareLabel')}
        <input type="text" readOnly value={made.link} onFocus={(e) => (e.target as HTMLInputElement).select()} />
      </label>
      <QrCode text={made.link} label={t('tourShareLabel')} i18n={i18n} />
    </>
  );
}

export function ShareDialog({ url, embedUrl, selection, unavailable, filters, municipalities, i18n, mapPng, whole, workbook, tour, onClose }: Props) {
  const { t } = i18n;
  const [copied, setCopied] = useState(false);
  const [image, setImage] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [table, setTable] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const name = exportName(filters, municipalities, i18n.programme);
  const snippet = `<iframe src="${embedUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" width="800" height="560" style="border:0" title="${t('appTitle')}" loading="lazy" allowfullscreen></iframe>`;
  const png = async () => {
    setImage({ busy: true, error: null });
    try {
      download(`${name}.png`, 'image/png', await mapPng(PNG_WIDTH));
      setImage({ busy: false, error: null });
    } catch (error) {
      setImage({ busy: false, error: (error as Error).message });
    }
  };
  const csv = async () => {
    setTable({ busy: true, error: null });
    try {
      if (selection) download(`${name}.csv`, 'text/csv;charset=utf-8', toCsv(await whole(selection), municipalities, i18n.programme));
      setTable({ busy: false, error: null });
    } catch (error) {
      setTable({ busy: false, error: (error as Error).message });
    }
  };
  const copy = async () => {
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    setCopied(true);
  };
  return (
    <Panel kind="share" titleId="share-title" title={t('shareTitle')} closeLabel={t('close')} onClose={onClose}>
      <label class="field">
        {t('linkLabel')}
        <input type="text" readOnly value={url} onFocus={(e) => (e.target as HTMLInputElement).select()} />
      </label>
      <button type="button" onClick={copy}>
        {copied ? t('copied') : t('copyLink')}
      </button>
      <QrCode text={url} label={t('qrLabel')} i18n={i18n} />
      {tour && <TourLink tour={tour} i18n={i18n} />}
      <label class="field">
        {t('embedLabel')}
        <textarea readOnly rows={4} value={snippet} onFocus={(e) => (e.target as HTMLTextAreaElement).select()} />
      </label>
      <p class="note">{t('embedNote')}</p>
      <h3>{selection ? t('downloads', { n: selection.length }) : (unavailable ?? t('projectsLoading'))}</h3>
      <ul class="downloads">
        <li>
          <button type="button" onClick={csv} disabled={table.busy || !selection} aria-busy={table.busy || (!selection && !unavailable)}>
            {t('downloadCsv')}
          </button>
          {table.error && <p role="alert">{t('csvFailed', { reason: table.error })}</p>}
        </li>
        <li>{workbook}</li>
        <li>
          <button type="button" disabled={!selection} aria-busy={!selection && !unavailable} onClick={() => selection && download(`${name}.geojson`, 'application/geo+json', JSON.stringify(toGeoJson(selection, i18n.programme)))}>
            {t('downloadGeoJson')}
          </button>
        </li>
        <li>
          <button type="button" onClick={png} disabled={image.busy} aria-busy={image.busy}>
            {t('downloadPng')}
          </button>
          {image.busy && (
            <span role="status" class="progress">
              {' '}
              {t('preparingImage')}
            </span>
          )}
          {image.error && <p role="alert">{t('imageFailed', { reason: image.error })}</p>}
        </li>
      </ul>
    </Panel>
  );
}
