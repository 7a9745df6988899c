/** The atlas's header: its name and the programme's line, and the actions of the whole page (behind a menu button on a phone). */
import { useRef, useState } from 'preact/hooks';
import type { Story } from '../core/stories';
import type { I18n } from '../i18n';
import { storyTitle } from '../i18n/labels';
import { LanguageOptions } from './LanguageOptions';
import { useDismiss } from './dismiss';
import type { View as Page } from '../state/url';

interface Props {
  i18n: I18n;
  /** A phone: one line, the actions behind a menu button. */
  compact: boolean;
  page: Page;
  stories: readonly Story[];
  /** Sharing is off while the page shows an opened file (a link cannot carry it). */
  shareOff: boolean;
  /** Opening a file is off until the data has loaded and while a file is being read. */
  openOff: boolean;
  onPage(page: Page): void;
  onPresent(story: string): void;
  onNewTour(): void;
  onOpenTour(files: File[]): void;
  onShare(): void;
  onOpen(files: File[]): void;
  onAbout(): void;
  onLanguage(language: string): void;
}

export function TopBar(props: Props) {
  const { i18n, compact } = props;
  const { t } = i18n;
  const [menu, setMenu] = useState(false);
  return (
    <header class="top">
      <div class="brand">
        <h1>{t('appTitle')}</h1>
        {!compact && <p>{t('appSubtitle')}</p>}
      </div>
      {compact && (
        <button type="button" class="menu-button" aria-expanded={menu} aria-controls="page-actions" onClick={() => setMenu(!menu)}>
          {t('menu')}
        </button>
      )}
      {!compact && <Actions {...props} />}
      {compact && menu && <Menu props={props} onClose={() => setMenu(false)} />}
    </header>
  );
}

/**
 * The phone's menu: Escape (or the menu button) closes it, the focus going back to the button; so
 * does choosing one of its actions, which then shows what it opened instead of the menu.
 */
function Menu({ props, onClose }: { props: Props; onClose(): void }) {
  const menu = useRef<HTMLDivElement>(null);
  useDismiss(menu, onClose, () => menu.current?.querySelector<HTMLElement>('button, select, input'));
  const closing =
    <A extends unknown[]>(action: (...args: A) => void) =>
    (...args: A) => {
      onClose();
      action(...args);
    };
  const { onPage, onPresent, onNewTour, onOpenTour, onShare, onOpen, onAbout, onLanguage } = props;
  return (
    <div ref={menu} class="menu">
      <Actions
        {...props}
        onPage={closing(onPage)}
        onPresent={closing(onPresent)}
        onNewTour={closing(onNewTour)}
        onOpenTour={closing(onOpenTour)}
        onShare={closing(onShare)}
        onOpen={closing(onOpen)}
        onAbout={closing(onAbout)}
        onLanguage={closing(onLanguage)}
      />
    </div>
  );
}

/** The Present menu's entries beside the tours: writing a new one, opening one from a file. */
const NEW_TOUR = '#new';
const OPEN_TOUR = '#open';

function Actions({ i18n, page, stories, shareOff, openOff, onPage, onPresent, onNewTour, onOpenTour, onShare, onOpen, onAbout, onLanguage }: Props) {
  const { t, programme } = i18n;
  const tourFile = useRef<HTMLInputElement>(null);
  const choose = (value: string) => (value === NEW_TOUR ? onNewTour() : value === OPEN_TOUR ? tourFile.current?.click() : value && onPresent(value));
  return (
      <nav class="actions" id="page-actions" aria-label={t('menu')}>
        <button type="button" onClick={() => onPage(page === 'list' ? 'map' : 'list')}>
          {page === 'list' ? t('showMap') : t('showList')}
        </button>
        <label class="present-choice">
          {t('present')}{' '}
          <select value="" onChange={(e) => choose((e.target as HTMLSelectElement).value)}>
            <option value="">{t('chooseStory')}</option>
            {stories.map((x) => (
              <option value={x.id}>{storyTitle(x, i18n)}</option>
            ))}
            <option value={NEW_TOUR}>{t('newTour')}</option>
            <option value={OPEN_TOUR}>{t('openTour')}</option>
          </select>
        </label>
        <input
          ref={tourFile}
          type="file"
          hidden
          accept=".json,application/json"
          aria-label={t('openTourLabel')}
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            onOpenTour([...(input.files ?? [])]);
            input.value = '';
          }}
        />
        <button type="button" onClick={onShare} disabled={shareOff} title={shareOff ? t('shareLocalOff') : undefined}>
          {t('share')}
        </button>
        <label class="open-file">
          {t('openFile')}
          <input
            type="file"
            accept=".xlsx,.csv,.jsonl,.json,.txt"
            multiple
            disabled={openOff}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              onOpen([...(input.files ?? [])]);
              input.value = '';
            }}
          />
        </label>
        <button type="button" onClick={onAbout}>
          {t('about')}
        </button>
        <label class="language">
          {t('language')}{' '}
          <select value={i18n.locale} onChange={(e) => onLanguage((e.target as HTMLSelectElement).value)}>
            <LanguageOptions programme={programme} />
          </select>
        </label>
      </nav>
  );
}
