// The one place the look is chosen. Ketenkaart's CSS uses only NL Design System tokens (the
// `--basis-*` tokens and the Utrecht component tokens), so a municipality that has its own token
// package swaps these two lines: import its theme.css instead, and name its theme class.
import "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css";

export const themeClassName = "voorbeeld-theme";
