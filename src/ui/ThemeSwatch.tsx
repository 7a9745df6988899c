/** A theme's colour chip: the colour of the theme scale, set on the page as `--theme-<id>` (palette/scales.ts). */
import type { ThemeId } from '../core/themes';

export const ThemeSwatch = ({ theme }: { theme: ThemeId }) => <span class="swatch" style={{ background: `var(--theme-${theme})` }} aria-hidden="true" />;
