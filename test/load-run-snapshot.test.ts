import * as fs from 'fs';
import * as path from 'path';
import { listDirectory, pathKind, rememberBytes, snapshotBytes, withRunSnapshot } from '../src/load/inputs';
import { readRegularFile } from '../src/load/read';
import { makeTree } from './engine-helpers';

/** withRunSnapshot: one run's view of the disk (src/load/inputs.ts), asked once per path. */
describe('withRunSnapshot', () => {
  test('outside a snapshot every call asks the disk', () => {
    const root = makeTree({ 'a.yaml': 'x: 1\n' });
    const file = path.join(root, 'a.yaml');
    expect(pathKind(file)).toBe('file');
    fs.rmSync(file);
    expect(pathKind(file)).toBe('absent');
    rememberBytes(file, Buffer.from('kept?'));
    expect(snapshotBytes(file)).toBeUndefined();
  });

  test('inside, a path keeps the kind it had when first asked, until the run ends', () => {
    const root = makeTree({ 'a.yaml': 'x: 1\n' });
    const file = path.join(root, 'a.yaml');
    const late = path.join(root, 'late.yaml');
    const seen = withRunSnapshot(() => {
      const first = [pathKind(file), pathKind(late), pathKind(root)];
      fs.rmSync(file);
      fs.writeFileSync(late, 'y: 2\n');
      return [...first, pathKind(file), pathKind(late)];
    });
    expect(seen).toEqual(['file', 'absent', 'dir', 'file', 'absent']);
    expect([pathKind(file), pathKind(late)]).toEqual(['absent', 'file']);
  });

  test('a file is read once per run: the second read returns the first bytes', () => {
    const root = makeTree({ '.env': 'A=1\n' });
    const file = path.join(root, '.env');
    const texts = withRunSnapshot(() => {
      const first = readRegularFile(file, 1024).toString();
      fs.writeFileSync(file, 'A=2\n');
      return [first, readRegularFile(file, 1024).toString(), snapshotBytes(file)?.toString()];
    });
    expect(texts).toEqual(['A=1\n', 'A=1\n', 'A=1\n']);
    expect(readRegularFile(file, 1024).toString()).toBe('A=2\n');
    expect(snapshotBytes(file)).toBeUndefined();
  });

  test('remembered bytes larger than the reader allows are read again (and refused)', () => {
    const root = makeTree({ 'big.yaml': '0123456789' });
    const file = path.join(root, 'big.yaml');
    withRunSnapshot(() => {
      expect(readRegularFile(file, 100).length).toBe(10);
      expect(() => readRegularFile(file, 5)).toThrow(/^file is 10 bytes; files over 5 bytes are refused$/);
    });
  });

  test('a listing is taken once, sorted by name, and answers for the paths in it without a stat', () => {
    const root = makeTree({ 'b.yaml': '', 'a.yaml': '', 'sub/c.yaml': '' });
    const out = withRunSnapshot(() => {
      const names = listDirectory(root).map((e) => e.name);
      fs.writeFileSync(path.join(root, 'new.yaml'), '');
      fs.rmSync(path.join(root, 'a.yaml'));
      return {
        names,
        again: listDirectory(root).map((e) => e.name),
        kinds: ['a.yaml', 'new.yaml', 'sub', 'missing'].map((n) => pathKind(path.join(root, n))),
      };
    });
    expect(out).toEqual({ names: ['a.yaml', 'b.yaml', 'sub'], again: ['a.yaml', 'b.yaml', 'sub'], kinds: ['file', 'absent', 'dir', 'absent'] });
    expect(listDirectory(root).map((e) => e.name)).toEqual(['b.yaml', 'new.yaml', 'sub']);
  });

  test('a symlink in a listing is stat-ed (followed), not taken from the listing', () => {
    const root = makeTree({ 'target.yaml': '' });
    fs.symlinkSync(path.join(root, 'target.yaml'), path.join(root, 'link.yaml'));
    fs.symlinkSync(path.join(root, 'nowhere.yaml'), path.join(root, 'dangling.yaml'));
    const kinds = withRunSnapshot(() => {
      listDirectory(root);
      return ['link.yaml', 'dangling.yaml'].map((n) => pathKind(path.join(root, n)));
    });
    expect(kinds).toEqual(['file', 'absent']);
  });

  test('a directory that cannot be listed throws each time and leaves its paths to stat', () => {
    const root = makeTree({ 'a.yaml': '' });
    const gone = path.join(root, 'gone');
    withRunSnapshot(() => {
      expect(() => listDirectory(gone)).toThrow(expect.objectContaining({ code: 'ENOENT' }) as Error);
      expect(() => listDirectory(gone)).toThrow(expect.objectContaining({ code: 'ENOENT' }) as Error);
      fs.mkdirSync(gone);
      fs.writeFileSync(path.join(gone, 'x.yaml'), '');
      expect(pathKind(path.join(gone, 'x.yaml'))).toBe('file');
    });
  });

  test('a nested call shares the outer snapshot; the snapshot ends even when the run throws', () => {
    const root = makeTree({ 'a.yaml': '' });
    const file = path.join(root, 'a.yaml');
    expect(() =>
      withRunSnapshot(() => {
        expect(pathKind(file)).toBe('file');
        fs.rmSync(file);
        expect(withRunSnapshot(() => pathKind(file))).toBe('file');
        expect(pathKind(file)).toBe('file');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(pathKind(file)).toBe('absent');
  });
});
