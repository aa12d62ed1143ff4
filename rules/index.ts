/** The rule catalog: every rule module, in id order. */
import type { Rule } from '../src/types';
import capDropAll from './cap-drop-all';
import dependsOnCycle from './depends-on-cycle';
import frontendReachesDatabase from './frontend-reaches-database';
import healthcheckMissing from './healthcheck-missing';
import hostNetworkPortClash from './host-network-port-clash';
import imageDigest from './image-digest';
import interpolation from './interpolation';
import ipamAddress from './ipam-address';
import loadError from './load-error';
import loggingAddress from './logging-address';
import mountPropagation from './mount-propagation';
import networkModeConflict from './network-mode-conflict';
import noDeprecatedLinks from './no-deprecated-links';
import noNewPrivileges from './no-new-privileges';
import obsoleteVersion from './obsolete-version';
import publishedPortConflict from './published-port-conflict';
import readOnlyRoot from './read-only-root';
import resourceLimits from './resource-limits';
import restartPolicy from './restart-policy';
import runAsRoot from './run-as-root';
import schema from './schema';
import tmpfsExec from './tmpfs-exec';
import undefinedReference from './undefined-reference';
import unresolvedHostname from './unresolved-hostname';
import unusedDisable from './unused-disable';
import unusedResource from './unused-resource';
import yamlSyntax from './yaml-syntax';

export const allRules: readonly Rule[] = [
  capDropAll,
  dependsOnCycle,
  frontendReachesDatabase,
  healthcheckMissing,
  hostNetworkPortClash,
  imageDigest,
  interpolation,
  ipamAddress,
  loadError,
  loggingAddress,
  mountPropagation,
  networkModeConflict,
  noDeprecatedLinks,
  noNewPrivileges,
  obsoleteVersion,
  publishedPortConflict,
  readOnlyRoot,
  resourceLimits,
  restartPolicy,
  runAsRoot,
  schema,
  tmpfsExec,
  undefinedReference,
  unresolvedHostname,
  unusedDisable,
  unusedResource,
  yamlSyntax,
] as Rule[];
