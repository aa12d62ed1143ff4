import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject } from 'ajv';
import { AJV_OPTIONS, appendErrorsInPlace, compileSchema, standaloneModule } from '../src/schema/compile';
import { loadValidator, readComposeSchema, SchemaValidator } from '../src/schema/validator';

const root = path.join(__dirname, '..');
const schema = readComposeSchema();

// The generated module require()s ajv's runtime helpers, so it must live where node_modules is found.
let dir: string;
let standaloneFile: string;
beforeAll(() => {
  fs.mkdirSync(path.join(root, 'tmp'), { recursive: true });
  dir = fs.mkdtempSync(path.join(root, 'tmp', 'schema-validator-'));
  standaloneFile = path.join(dir, 'compose-spec.validate.js');
  fs.writeFileSync(standaloneFile, standaloneModule(schema));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A model with problems spread over many services, so errors from sub-validators get gathered. */
function brokenModel(): Record<string, unknown> {
  const services: Record<string, unknown> = {};
  for (let i = 0; i < 30; i++) services[`s${i}`] = i % 3 ? { image: 'nginx', ports: [true], restrat: 'always' } : { image: 1 };
  return { services, volums: {} };
}

const summary = (errors: ErrorObject[] | null | undefined): string[] => (errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`);

function errorsOf(validate: SchemaValidator, data: unknown): string[] {
  expect(validate(data)).toBe(false);
  return summary(validate.errors);
}

describe('loading the validator', () => {
  test('a standalone module, when there is one', () => {
    const loaded = loadValidator(standaloneFile);
    expect(loaded.kind).toBe('standalone');
    expect(loaded.validate({ services: { web: { image: 'nginx' } } })).toBe(true);
    expect(errorsOf(loaded.validate, { services: { web: { image: 1 } } })).toEqual(['/services/web/image type {"type":"string"}']);
  });

  test('compiled at run time when the module is missing, with the same errors', () => {
    const loaded = loadValidator(path.join(dir, 'missing.js'));
    expect(loaded.kind).toBe('compiled');
    const standalone = loadValidator(standaloneFile).validate;
    const model = brokenModel();
    expect(errorsOf(loaded.validate, model)).toEqual(errorsOf(standalone, model));
  });

  test('the standalone path never loads ajv itself', () => {
    jest.isolateModules(() => {
      for (const m of ['ajv', 'ajv/dist/2020', 'ajv/dist/core', 'ajv/dist/standalone', '../src/schema/compile']) {
        jest.doMock(m, () => {
          throw new Error(`${m} was loaded`);
        });
      }
      const { loadValidator: isolatedLoad } = require('../src/schema/validator') as typeof import('../src/schema/validator');
      expect(isolatedLoad(standaloneFile).kind).toBe('standalone');
    });
  });

  test('in plain node, the module pulls in only ajv runtime helpers', () => {
    const probe = `require(${JSON.stringify(standaloneFile)}); console.log(JSON.stringify(Object.keys(require.cache).filter((k) => k.includes('node_modules')).map((k) => k.split('node_modules/')[1]).sort()))`;
    const loaded = JSON.parse(execFileSync(process.execPath, ['-e', probe], { cwd: root, encoding: 'utf8' })) as string[];
    expect(loaded).toEqual(['ajv/dist/runtime/equal.js', 'fast-deep-equal/index.js']);
  });
});

describe('appendErrorsInPlace', () => {
  test('turns the quadratic concat into appends, and leaves other text alone', () => {
    const generated = 'if(!(validate60(x))){vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);errors = vErrors.length;}';
    expect(appendErrorsInPlace(generated)).toBe(
      'if(!(validate60(x))){if (vErrors === null) {vErrors = validate60.errors;} else if (vErrors !== validate60.errors) {for (const subError of validate60.errors) vErrors.push(subError);}errors = vErrors.length;}',
    );
    expect(appendErrorsInPlace('vErrors = vErrors.concat(other);')).toBe('vErrors = vErrors.concat(other);');
  });

  test('the generated module has no concat left and reports exactly what plain ajv reports', () => {
    expect(fs.readFileSync(standaloneFile, 'utf8')).not.toContain('.concat(');
    const plain = new Ajv2020(AJV_OPTIONS).compile(schema);
    const patched = compileSchema(schema);
    const model = brokenModel();
    const expected = errorsOf(plain, model);
    expect(expected.length).toBeGreaterThan(60);
    expect(errorsOf(patched, model)).toEqual(expected);
    // Twice in a row: lists reused from the previous call must not leak into the next one.
    expect(errorsOf(patched, model)).toEqual(expected);
  });
});
