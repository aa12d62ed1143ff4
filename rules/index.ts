/** The rule catalog: every rule module, in id order. */
import type { Rule } from '../src/types';
import dependsOnCycle from './depends-on-cycle';
import frontendReachesDatabase from './frontend-reaches-database';
import hostNetworkPortClash from './host-network-port-clash';
import interpolation from './interpolation';
import loadError from './load-error';
import networkModeConflict from './network-mode-conflict';
import noDeprecatedLinks from './no-deprecated-links';
import obsoleteVersion from './obsolete-version';
import publishedPortConflict from './published-port-conflict';
import schema from './schema';
import undefinedReference from './undefined-reference';
import unresolvedHostname from './unresolved-hostname';
import unusedDisable from './unused-disable';
import unusedResource from './unused-resource';
import yamlSyntax from './yaml-syntax';

export const allRules: readonly Rule[] = [
  dependsOnCycle,
  frontendReachesDatabase,
  hostNetworkPortClash,
  interpolation,
  loadError,
  networkModeConflict,
  noDeprecatedLinks,
  obsoleteVersion,
  publishedPortConflict,
  schema,
  undefinedReference,
  unresolvedHostname,
  unusedDisable,
  unusedResource,
  yamlSyntax,
] as Rule[];
