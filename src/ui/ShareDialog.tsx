/** The exact link to this view with its QR code, an embed snippet, and downloads of the selection. */
import type { ComponentChildren } from 'preact';
import type QRCode from 'qrcode-generator';
import { useEffect, useState } from 'preact/hooks';
import { saveFile } from '../charts/download';
import { exportName, projectsFile } from '../core/export';
import type { Filters } from '../core/filters';
import type { Story } from '../core/stories';
import type { MunicipalityRecord, Project } from '../core/types';
import type { I18n } from '../i18n';
import { Panel } from './Panel';

interface Props {
  url: string;
  embedUrl: string;
  /** How many projects the view selects; null while they are counted. */
  count: number | null;
  filters: Filters;
  municipalities: ReadonlyMap<string, MunicipalityRecord>;
  i18n: I18n;
  /** Renders the map view as a PNG of the given width. */
  mapPng(width: number): Promise<Blob>;
  /** The selection's whole projects (the CSV lists their partners and sources), a part at a time (Dataset.eachWhole). */
  eachWhole(part: (projects: readonly Project[]) => void, progress: (done: number, total: number) => void): Promise<void>;
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

const FILE_TYPES = { csv: 'text/csv;charset=utf-8', geojson: 'application/geo+json' } as const;

/** A download of the selection being made: which, how many of the projects' files are read (where it reads them), or why it failed. */
interface Making {
  format: keyof typeof FILE_TYPES | null;
  read: { done: number; total: number } | null;
  error: string | null;
}
const IDLE: Making = { format: null, read: null, error: null };

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

export function ShareDialog({ url, embedUrl, count, filters, municipalities, i18n, mapPng, eachWhole, workbook, tour, onClose }: Props) {
  const { t } = i18n;
  const [copied, setCopied] = useState(false);
  const [image, setImage] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [making, setMaking] = useState(IDLE);
  const name = exportName(filters, municipalities, i18n.programme);
  const snippet = `<iframe src="${embedUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" width="800" height="560" style="border:0" title="${t('appTitle')}" loading="lazy" allowfullscreen></iframe>`;
  const png = async () => {
    setImage({ busy: true, error: null });
    try {
      saveFile(`${name}.png`, await mapPng(PNG_WIDTH));
      setImage({ busy: false, error: null });
    } catch (error) {
      setImage({ busy: false, error: (error as Error).message });
    }
  };
  const write = async (format: keyof typeof FILE_TYPES) => {
    setMaking({ format, read: null, error: null });
    try {
      const file = projectsFile(format, municipalities, i18n.programme);
      await eachWhole(file.add, (done, total) => setMaking({ format, read: { done, total }, error: null }));
      saveFile(`${name}.${format}`, new Blob(file.pieces(), { type: FILE_TYPES[format] }));
      setMaking(IDLE);
    } catch (error) {
      setMaking({ format: null, read: null, error: (error as Error).message });
    }
  };
  /** A download's button, with how far its making has come. */
  const fileButton = (format: keyof typeof FILE_TYPES, label: string) => (
    <li>
      <button type="button" onClick={() => write(format)} disabled={count === null || making.format !== null} aria-busy={count === null || making.format === format}>
        {label}
      </button>
      {making.format === format && making.read && (
        <span role="status" class="progress">
          {' '}
          {t('readingFiles', { done: i18n.count(making.read.done), total: i18n.count(making.read.total) })}
        </span>
      )}
    </li>
  );
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
      <h3>{count !== null ? t('downloads', { n: i18n.count(count) }) : t('projectsLoading')}</h3>
      {making.error && <p role="alert">{t('fileFailed', { reason: making.error })}</p>}
      <ul class="downloads">
        {fileButton('csv', t('downloadCsv'))}
        <li>{workbook}</li>
        {fileButton('geojson', t('downloadGeoJson'))}
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
