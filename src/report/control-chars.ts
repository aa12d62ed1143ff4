/**
 * Text from compose files (names, values, file names) reaches the terminal and CI logs through the
 * text formats. A control character there is never meant to be printed: ESC starts a terminal
 * escape sequence (colours, cursor moves, window titles), a lone CR rewrites the line, and so on.
 * The text formats (stylish, compact, github) show each as U+FFFD, as the XML formats already do;
 * the JSON formats escape them (`\u001b`) and need nothing.
 */

/** C0 controls but tab, DEL, and the C1 controls (U+0080-U+009F). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g;
/** The same without LF and CR, for formats that encode line breaks themselves (github's `%0A`). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** `text` with every control character but tab (and, with `keepLineBreaks`, LF and CR) replaced by U+FFFD. */
export function neutralizeControls(text: string, keepLineBreaks = false): string {
  return text.replace(keepLineBreaks ? CONTROL_BUT_LINE_BREAKS : CONTROL, '\uFFFD');
}
