/** The rule catalog: every rule module, in id order. */
import type { Rule } from '../src/types';
import interpolation from './interpolation';
import loadError from './load-error';
import obsoleteVersion from './obsolete-version';
import schema from './schema';
import yamlSyntax from './yaml-syntax';

export const allRules: readonly Rule[] = [interpolation, loadError, obsoleteVersion, schema, yamlSyntax] as Rule[];
