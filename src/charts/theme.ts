// Chart colours come from the page's CSS custom properties, so charts follow the theme.

export interface ChartPalette {
  text: string;
  muted: string;
  border: string;
  surface: string;
  series: string[];
  ok: string;
  warn: string;
  bad: string;
}

const SERIES = ['#1d5fbf', '#e07b00', '#1a7f37', '#b42318', '#7a3fc4', '#0b7f8a', '#b8487b', '#5b6b00'];
const SERIES_DARK = ['#7fb0ff', '#ffad4d', '#5fd07f', '#ff8a7a', '#c29bff', '#4fd2dd', '#ff9ccd', '#c9d65b'];

export function readPalette(element: Element = document.documentElement): ChartPalette {
  const style = getComputedStyle(element);
  const get = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const dark = style.colorScheme.includes('dark') || get('color-scheme', '') === 'dark';
  return {
    text: get('--text', '#1b1f24'),
    muted: get('--text-muted', '#525a66'),
    border: get('--border', '#d4d8df'),
    surface: get('--surface', '#ffffff'),
    series: dark ? SERIES_DARK : SERIES,
    ok: get('--ok', '#1a7f37'),
    warn: get('--warn', '#8a5a00'),
    bad: get('--bad', '#b42318'),
  };
}
