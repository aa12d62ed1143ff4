/** SARIF 2.1.0 schema validation shared by the SARIF tests (fixtures/sarif-schema-2.1.0.json, see fixtures/report/SOURCE.md). */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';

/**
 * This copy of the schema (as mirrored in AdaCore/sarif-ada) keeps the log's own schema under
 * definitions.Root and puts no constraint at the top level, so validation must start there.
 * ajv ships no format checkers; the ones added follow RFC 3339 / RFC 3986 closely enough for our output.
 */
export function schemaValidator() {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'));
  // unicodeRegExp off: the schema's `language` pattern has a stray `]` that is only legal without the u flag.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  const noRawSpace = (s: string) => !/[\s<>"{}|\\^`]/.test(s);
  ajv.addFormat('uri', (s: string) => noRawSpace(s) && URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => noRawSpace(s) && URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  ajv.addSchema(schema);
  const validate = ajv.getSchema(`${schema.$id}#/definitions/Root`);
  if (!validate) throw new Error('SARIF schema has no definitions.Root');
  return validate;
}
