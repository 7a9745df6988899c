/** A theme's colour chip, from the one palette the map uses. */
import type { ThemeId } from '../core/themes';
import { light } from '../palette/flavors';

export const ThemeSwatch = ({ theme }: { theme: ThemeId }) => <span class="swatch" style={{ background: light.themes[theme] }} aria-hidden="true" />;
