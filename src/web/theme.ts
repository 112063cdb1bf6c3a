import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A sober government navy; gold is kept for the logo mark only.
const pemda: MantineColorsTuple = [
  '#eaf0f9',
  '#d3def0',
  '#a6bde2',
  '#769ad3',
  '#4f7dc6',
  '#376bbf',
  '#2a5fb0',
  '#214f96',
  '#1a427e',
  '#123263',
];

// System fonts only: nothing is fetched from the internet (slow connections, no CDN).
const systemFonts =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif';

export const theme = createTheme({
  primaryColor: 'pemda',
  primaryShade: { light: 7, dark: 4 },
  colors: { pemda },
  fontFamily: systemFonts,
  headings: { fontFamily: systemFonts, fontWeight: '650' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    Table: { defaultProps: { verticalSpacing: 'xs' } },
    Modal: { defaultProps: { centered: true } },
  },
});
