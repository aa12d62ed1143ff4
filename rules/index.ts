/** The rule catalog: every rule module, in id order. */
import type { Rule } from '../src/types';
import capDropAll from './cap-drop-all';
import dangerousCapability from './dangerous-capability';
import dangerousDevice from './dangerous-device';
import dependsOnCycle from './depends-on-cycle';
import dockerSocketMount from './docker-socket-mount';
import frontendReachesDatabase from './frontend-reaches-database';
import healthcheckMissing from './healthcheck-missing';
import hostNamespace from './host-namespace';
import hostNetworkPortClash from './host-network-port-clash';
import imageDigest from './image-digest';
import imageMutableTag from './image-mutable-tag';
import interpolation from './interpolation';
import ipamAddress from './ipam-address';
import loadError from './load-error';
import loggingAddress from './logging-address';
import loggingDisabled from './logging-disabled';
import mountPropagation from './mount-propagation';
import networkModeConflict from './network-mode-conflict';
import noDeprecatedLinks from './no-deprecated-links';
import noNewPrivileges from './no-new-privileges';
import obsoleteVersion from './obsolete-version';
import portAllInterfaces from './port-all-interfaces';
import privileged from './privileged';
import publishedPortConflict from './published-port-conflict';
import readOnlyRoot from './read-only-root';
import resourceLimits from './resource-limits';
import restartPolicy from './restart-policy';
import runAsRoot from './run-as-root';
import schema from './schema';
import secretInEnvironment from './secret-in-environment';
import securityProfileDisabled from './security-profile-disabled';
import sensitiveHostMount from './sensitive-host-mount';
import tmpfsExec from './tmpfs-exec';
import undefinedReference from './undefined-reference';
import unresolvedHostname from './unresolved-hostname';
import unusedDisable from './unused-disable';
import unusedResource from './unused-resource';
import yamlSyntax from './yaml-syntax';

export const allRules: readonly Rule[] = [
  capDropAll,
  dangerousCapability,
  dangerousDevice,
  dependsOnCycle,
  dockerSocketMount,
  frontendReachesDatabase,
  healthcheckMissing,
  hostNamespace,
  hostNetworkPortClash,
  imageDigest,
  imageMutableTag,
  interpolation,
  ipamAddress,
  loadError,
  loggingAddress,
  loggingDisabled,
  mountPropagation,
  networkModeConflict,
  noDeprecatedLinks,
  noNewPrivileges,
  obsoleteVersion,
  portAllInterfaces,
  privileged,
  publishedPortConflict,
  readOnlyRoot,
  resourceLimits,
  restartPolicy,
  runAsRoot,
  schema,
  secretInEnvironment,
  securityProfileDisabled,
  sensitiveHostMount,
  tmpfsExec,
  undefinedReference,
  unresolvedHostname,
  unusedDisable,
  unusedResource,
  yamlSyntax,
] as Rule[];
