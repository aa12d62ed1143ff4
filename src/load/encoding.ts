/**
 * The encodings a compose file may be saved in, as Docker Compose reads them: compose-go hands the
 * file's bytes to its YAML reader (gopkg.in/yaml.v3, now go.yaml.in/yaml/v3), whose
 * yaml_parser_determine_encoding (readerc.go) reads UTF-16LE or UTF-16BE when the bytes start with
 * that byte order mark (FF FE, FE FF) and UTF-8 otherwise (a UTF-8 BOM, EF BB BF, is skipped).
 * Without a BOM, UTF-16 is read as UTF-8 and its NUL bytes are refused ("control characters are not
 * allowed"). Env files are read by compose-go's dotenv parser as UTF-8 only.
 */
import { isAscii } from 'buffer';

/** How a file's bytes encode its text; `utf8-bom` and the UTF-16 ones start with their byte order mark. */
export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

const BOMS: [TextEncoding, number[]][] = [
  ['utf8-bom', [0xef, 0xbb, 0xbf]],
  ['utf16le', [0xff, 0xfe]],
  ['utf16be', [0xfe, 0xff]],
];

/** The encoding yaml.v3 would read `buf` in: by its byte order mark, UTF-8 without one. */
export function textEncoding(buf: Uint8Array): TextEncoding {
  for (const [encoding, bom] of BOMS) if (buf.length >= bom.length && bom.every((b, i) => buf[i] === b)) return encoding;
  return 'utf8';
}

/** True for the UTF-16 encodings. */
export function isUtf16(encoding: TextEncoding): boolean {
  return encoding === 'utf16le' || encoding === 'utf16be';
}

/**
 * Bytes as UTF-8 text. ASCII text (most compose files) is decoded as latin1, the same
 * characters: Node's UTF-8 decoder took 15-35 ms for a 3.4 MB file where this takes about 1 ms, and
 * Node keeps a latin1 string over 1 MiB outside the JS heap (measured on Node 20, issue 13).
 */
export function decodeUtf8(buf: Buffer): string {
  return isAscii(buf) ? buf.toString('latin1') : buf.toString('utf8');
}

/** UTF-16 code units after the BOM in little-endian order (a copy, swapped for big-endian). */
function utf16leBody(buf: Buffer, encoding: 'utf16le' | 'utf16be'): Buffer {
  const body = buf.subarray(2, buf.length - (buf.length % 2));
  return encoding === 'utf16le' ? body : Buffer.from(body).swap16();
}

/**
 * A file's bytes as the text the loader works on, without the byte order mark. Columns then count
 * UTF-16 code units of this text, whatever the encoding on disk. Bytes that are not valid in their
 * encoding become U+FFFD (see utf16Problem for the check that refuses them).
 */
export function decodeText(buf: Buffer): string {
  const encoding = textEncoding(buf);
  if (encoding === 'utf8') return decodeUtf8(buf);
  if (encoding === 'utf8-bom') return decodeUtf8(buf.subarray(3));
  return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(utf16leBody(buf, encoding));
}

/**
 * Why yaml.v3 would refuse UTF-16 bytes (with their BOM), in a few words; undefined when they are
 * valid: an odd number of bytes ("incomplete UTF-16 character") or a lone surrogate.
 */
export function utf16Problem(buf: Buffer, encoding: 'utf16le' | 'utf16be'): string | undefined {
  if (buf.length % 2 !== 0) return 'an odd number of bytes, the last UTF-16 character is incomplete';
  try {
    new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(utf16leBody(buf, encoding));
  } catch {
    return 'a lone UTF-16 surrogate';
  }
  return undefined;
}

/**
 * True when bytes without a BOM look like UTF-16 text: an even number of them, half or more of the
 * code units with a NUL high byte (mostly ASCII text) and nine in ten NULs on that side.
 */
export function looksLikeUtf16WithoutBom(buf: Buffer): boolean {
  if (buf.length < 2 || buf.length % 2 !== 0) return false;
  const nuls = [0, 0];
  for (let i = 0; i < buf.length; i++) if (buf[i] === 0) nuls[i % 2]++;
  const most = Math.max(nuls[0], nuls[1]);
  return most >= buf.length / 4 && most >= 0.9 * (nuls[0] + nuls[1]);
}

/** `text` as bytes in `encoding`, with its byte order mark: the inverse of decodeText. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}
