// The font stack of the report and its charts: CJK fonts first so Chinese labels render everywhere.

/**
 * CSS font-family stack used by the HTML and by every chart (Vega-Lite `config.font`).
 * Noto Sans CJK (Debian/Ubuntu `fonts-noto-cjk`) and Source Han Sans are the same design;
 * PingFang (macOS/iOS), Microsoft YaHei (Windows) and WenQuanYi cover the other systems;
 * the Latin fallbacks come last because CJK fonts also carry Latin glyphs.
 * @example reportFontStack.startsWith('"Noto Sans CJK SC"'); // => true
 */
export const reportFontStack =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", ' +
  '"Microsoft YaHei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "Helvetica Neue", Arial, sans-serif';
