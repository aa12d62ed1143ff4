/**
 * Compose files saved as UTF-16 with a byte order mark (as some Windows editors save them) are read
 * as Docker Compose reads them: compose-go's YAML reader (yaml.v3 readerc.go,
 * yaml_parser_determine_encoding) decodes UTF-16LE/BE after their BOM and reads anything else as UTF-8.
 */
import * as fs from 'fs';
import * as path from 'path';
import { makeTree } from './engine-helpers';
import { runCli } from './cli-harness';

const TEXT = 'version: "3"\nx-note: "héllo 😀"\nservices:\n  web:\n    imagee: nginx\n';
const FIXED = 'x-note: "héllo 😀"\nservices:\n  web:\n    imagee: nginx\n';
const OBSOLETE = '`version` is obsolete: Docker Compose v2 ignores it; remove it [obsolete-version]';
const UNKNOWN = 'services.web: unknown key "imagee" (did you mean "image"?) [schema]';

/** UTF-16LE bytes of `text` after the BOM FF FE, written out code unit by code unit. */
function utf16le(text: string): Buffer {
  const out = [0xff, 0xfe];
  for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
  return Buffer.from(out);
}

/** UTF-16BE bytes of `text` after the BOM FE FF. */
function utf16be(text: string): Buffer {
  const out = [0xfe, 0xff];
  for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff);
  return Buffer.from(out);
}

describe('UTF-16 compose files with a byte order mark', () => {
  test('are linted as their UTF-8 twin is: the same findings at the same line:column (UTF-16 code units)', () => {
    const cwd = makeTree({ 'le.yaml': utf16le(TEXT), 'be.yaml': utf16be(TEXT), 'u8.yaml': TEXT });
    for (const file of ['le.yaml', 'be.yaml', 'u8.yaml']) {
      expect(runCli(cwd, ['--format', 'compact', file])).toEqual({ code: 1, stdout: `${file}:1:1: warning: ${OBSOLETE}\n${file}:5:5: error: ${UNKNOWN}\n`, stderr: '' });
    }
  });

  test('on stdin, with and without --stdin-filename', () => {
    const cwd = makeTree({});
    expect(runCli(cwd, ['--format', 'compact', '-'], { input: utf16le(TEXT) })).toEqual({
      code: 1,
      stdout: `<stdin>:1:1: warning: ${OBSOLETE}\n<stdin>:5:5: error: ${UNKNOWN}\n`,
      stderr: '',
    });
    expect(runCli(cwd, ['--format', 'compact', '--stdin-filename', 'compose.yaml'], { input: utf16be(TEXT) })).toEqual({
      code: 1,
      stdout: `compose.yaml:1:1: warning: ${OBSOLETE}\ncompose.yaml:5:5: error: ${UNKNOWN}\n`,
      stderr: '',
    });
  });

  test("--fix writes the fixed text back in the file's own encoding, with its BOM", () => {
    const cwd = makeTree({ 'le.yaml': utf16le(TEXT), 'be.yaml': utf16be(TEXT) });
    expect(runCli(cwd, ['--fix', '--format', 'compact', 'le.yaml', 'be.yaml'])).toEqual({
      code: 1,
      stdout: `be.yaml:4:5: error: ${UNKNOWN}\nle.yaml:4:5: error: ${UNKNOWN}\n`,
      stderr: '',
    });
    expect(fs.readFileSync(path.join(cwd, 'le.yaml'))).toEqual(utf16le(FIXED));
    expect(fs.readFileSync(path.join(cwd, 'be.yaml'))).toEqual(utf16be(FIXED));
    expect(fs.readFileSync(path.join(cwd, 'le.yaml')).subarray(0, 6)).toEqual(Buffer.from([0xff, 0xfe, 0x78, 0x00, 0x2d, 0x00]));
    // A second run finds nothing more to fix and leaves the bytes alone.
    expect(runCli(cwd, ['--fix', '--format', 'compact', 'le.yaml']).code).toBe(1);
    expect(fs.readFileSync(path.join(cwd, 'le.yaml'))).toEqual(utf16le(FIXED));
  });
});

describe('bytes Docker Compose does not read as text stay refused, saying why (exit 2, nothing written)', () => {
  const refused = (file: string, why: string) => ({ code: 2, stdout: '', stderr: `compose-lint: ${file}: ${why}\n` });

  test('UTF-16 without a BOM, UTF-16 cut short, a NUL character, binary bytes', () => {
    const noBom = utf16le(TEXT).subarray(2);
    const cwd = makeTree({
      'nobom.yaml': noBom,
      'odd.yaml': Buffer.concat([utf16le(TEXT), Buffer.from([0x41])]),
      'lone.yaml': Buffer.concat([utf16le('a: '), Buffer.from([0x00, 0xdc]), utf16le('\n').subarray(2)]),
      'nul.yaml': utf16le('a: "\0"\n'),
      'bin.yaml': Buffer.from([0x00, 0x01, 0x02]),
    });
    expect(runCli(cwd, ['nobom.yaml'])).toEqual(refused('nobom.yaml', 'UTF-16 text without a byte order mark: Docker Compose reads it as UTF-8 and refuses its NUL bytes; save it as UTF-8'));
    expect(runCli(cwd, ['odd.yaml'])).toEqual(refused('odd.yaml', 'invalid UTF-16LE text (an odd number of bytes, the last UTF-16 character is incomplete): Docker Compose refuses it'));
    expect(runCli(cwd, ['lone.yaml'])).toEqual(refused('lone.yaml', 'invalid UTF-16LE text (a lone UTF-16 surrogate): Docker Compose refuses it'));
    expect(runCli(cwd, ['nul.yaml'])).toEqual(refused('nul.yaml', 'binary file (contains NUL bytes), not a compose file'));
    expect(runCli(cwd, ['bin.yaml'])).toEqual(refused('bin.yaml', 'binary file (contains NUL bytes), not a compose file'));
    expect(runCli(cwd, ['--fix', 'nobom.yaml']).code).toBe(2);
    expect(fs.readFileSync(path.join(cwd, 'nobom.yaml'))).toEqual(noBom);
  });

  test('an env file in UTF-16: compose-go reads env files as UTF-8 only', () => {
    const cwd = makeTree({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    env_file: app.env\n', 'app.env': utf16le('A=1\n') });
    expect(runCli(cwd, ['--format', 'compact'])).toEqual({
      code: 1,
      stdout: 'compose.yaml:4:15: error: cannot read env_file app.env: UTF-16LE text: Docker Compose reads env files as UTF-8 only; save it as UTF-8 [load-error]\n',
      stderr: '',
    });
  });
});
