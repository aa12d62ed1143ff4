import { neutralizeControls } from '../src/report/control-chars';

const all = Array.from({ length: 0xa1 }, (_, i) => String.fromCharCode(i)).join('');
const replaced = (keep: (c: number) => boolean) =>
  Array.from(all)
    .map((ch) => (keep(ch.charCodeAt(0)) ? ch : '\uFFFD'))
    .join('');
const printable = (c: number) => (c >= 0x20 && c < 0x7f) || c === 0xa0;

test('replaces C0 controls but tab, DEL and C1 controls with U+FFFD; everything else is kept', () => {
  expect(neutralizeControls(all)).toBe(replaced((c) => printable(c) || c === 0x09));
  expect(neutralizeControls('caf\u00e9 \u2603 \ud83d\ude00')).toBe('caf\u00e9 \u2603 \ud83d\ude00');
});

test('keepLineBreaks keeps LF and CR too', () => {
  expect(neutralizeControls(all, true)).toBe(replaced((c) => printable(c) || c === 0x09 || c === 0x0a || c === 0x0d));
});
