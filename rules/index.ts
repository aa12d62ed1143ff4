/** The rule catalog: every rule module, in id order. */
import type { Rule } from '../src/types';
import frontendReachesDatabase from './frontend-reaches-database';
import interpolation from './interpolation';
import loadError from './load-error';
import noDeprecatedLinks from './no-deprecated-links';
import obsoleteVersion from './obsolete-version';
import schema from './schema';
import unresolvedHostname from './unresolved-hostname';
import unusedDisable from './unused-disable';
import yamlSyntax from './yaml-syntax';

export const allRules: readonly Rule[] = [frontendReachesDatabase, interpolation, loadError, noDeprecatedLinks, obsoleteVersion, schema, unresolvedHostname, unusedDisable, yamlSyntax] as Rule[];
