/**
 * Components whose code is fetched apart from the first view's: the dialogs no first view opens.
 * Each is fetched when first drawn, or before by `prefetch` (the page asks once the map has drawn,
 * so a dialog opened later opens at once, and offline from the cache). Until its code is in, it
 * draws nothing; if the code cannot come, it says why, with the dialog's own Close.
 */
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { I18n } from '../i18n';

export type Lazy<P> = FunctionComponent<P> & { prefetch(): void };

export function lazy<P extends { onClose(): void }>(load: () => Promise<ComponentType<P>>, i18nOf: (props: P) => I18n): Lazy<P> {
  let code: ComponentType<P> | null = null;
  let coming: Promise<ComponentType<P>> | null = null;
  const fetchCode = () =>
    (coming ??= load().then(
      (loaded) => (code = loaded),
      (error: Error) => {
        coming = null; // asked again next time
        throw error;
      },
    ));
  const Component = (props: P) => {
    const [failure, setFailure] = useState<string | null>(null);
    const [, setLoaded] = useState(false);
    useEffect(() => {
      if (!code) fetchCode().then(() => setLoaded(true), (error: Error) => setFailure(error.message));
    }, []);
    if (code) {
      const Loaded = code;
      return <Loaded {...props} />;
    }
    return failure ? (
      <div class="panel details" role="alert">
        <p>{i18nOf(props).t('partFailed', { reason: failure })}</p>
        <button type="button" onClick={props.onClose}>
          {i18nOf(props).t('close')}
        </button>
      </div>
    ) : null;
  };
  return Object.assign(Component, { prefetch: () => void fetchCode().catch(() => undefined) });
}
