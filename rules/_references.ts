/**
 * Published recommendations the security rules cite (docs `References`, SARIF help and tags; see
 * src/report/references.ts for how they are written). Each section is written once here, as a
 * plain object literal the catalog generator reads without running code.
 *
 * Sources: CIS Docker Benchmark v1.2.0 (section numbers and titles; later versions renumber
 * section 5, e.g. v1.6.0 puts swarm mode at 5.1 and privileged containers at 5.5); OWASP Docker
 * Security Cheat Sheet rule headings (OWASP/CheatSheetSeries, Docker_Security_Cheat_Sheet.md);
 * MITRE CWE entry names.
 */
import type { RuleReference } from '../src/types';

export const CIS_2_12: RuleReference = { cis: '2.12 Ensure centralized and remote logging is configured' };
export const CIS_4_1: RuleReference = { cis: '4.1 Ensure that a user for the container has been created' };
export const CIS_5_1: RuleReference = { cis: '5.1 Ensure that, if applicable, an AppArmor Profile is enabled' };
export const CIS_5_2: RuleReference = { cis: '5.2 Ensure that, if applicable, SELinux security options are set' };
export const CIS_5_3: RuleReference = { cis: '5.3 Ensure that Linux kernel capabilities are restricted within containers' };
export const CIS_5_4: RuleReference = { cis: '5.4 Ensure that privileged containers are not used' };
export const CIS_5_5: RuleReference = { cis: '5.5 Ensure sensitive host system directories are not mounted on containers' };
export const CIS_5_9: RuleReference = { cis: "5.9 Ensure that the host's network namespace is not shared" };
export const CIS_5_10: RuleReference = { cis: '5.10 Ensure that the memory usage for containers is limited' };
export const CIS_5_11: RuleReference = { cis: '5.11 Ensure that CPU priority is set appropriately on containers' };
export const CIS_5_12: RuleReference = { cis: "5.12 Ensure that the container's root filesystem is mounted as read only" };
export const CIS_5_13: RuleReference = { cis: '5.13 Ensure that incoming container traffic is bound to a specific host interface' };
export const CIS_5_14: RuleReference = { cis: "5.14 Ensure that the 'on-failure' container restart policy is set to '5'" };
export const CIS_5_15: RuleReference = { cis: "5.15 Ensure that the host's process namespace is not shared" };
export const CIS_5_16: RuleReference = { cis: "5.16 Ensure that the host's IPC namespace is not shared" };
export const CIS_5_17: RuleReference = { cis: '5.17 Ensure that host devices are not directly exposed to containers' };
export const CIS_5_19: RuleReference = { cis: '5.19 Ensure that mount propagation mode is not set to shared' };
export const CIS_5_20: RuleReference = { cis: "5.20 Ensure that the host's UTS namespace is not shared" };
export const CIS_5_21: RuleReference = { cis: '5.21 Ensure the default seccomp profile is not Disabled' };
export const CIS_5_25: RuleReference = { cis: '5.25 Ensure that the container is restricted from acquiring additional privileges' };
export const CIS_5_26: RuleReference = { cis: '5.26 Ensure that container health is checked at runtime' };
export const CIS_5_28: RuleReference = { cis: '5.28 Ensure that the PIDs cgroup limit is used' };
export const CIS_5_30: RuleReference = { cis: "5.30 Ensure that the host's user namespaces are not shared" };
export const CIS_5_31: RuleReference = { cis: '5.31 Ensure that the Docker socket is not mounted inside any containers' };

export const OWASP_1: RuleReference = { owasp: 'RULE #1 - Do not expose the Docker daemon socket (even to the containers)' };
export const OWASP_2: RuleReference = { owasp: 'RULE #2 - Set a user' };
export const OWASP_3: RuleReference = { owasp: 'RULE #3 - Limit capabilities (Grant only specific capabilities, needed by a container)' };
export const OWASP_4: RuleReference = { owasp: 'RULE #4 - Prevent in-container privilege escalation' };
export const OWASP_5A: RuleReference = { owasp: 'RULE #5a - Be careful when mapping container ports to the host with firewalls like UFW' };
export const OWASP_6: RuleReference = { owasp: 'RULE #6 - Use Linux Security Module (seccomp, AppArmor, or SELinux) for Runtime Security' };
export const OWASP_7: RuleReference = { owasp: 'RULE #7 - Limit resources (memory, CPU, file descriptors, processes, restarts)' };
export const OWASP_8: RuleReference = { owasp: 'RULE #8 - Set filesystem and volumes to read-only' };
export const OWASP_9: RuleReference = { owasp: 'RULE #9 - Integrate container scanning tools into your CI/CD pipeline' };
export const OWASP_12: RuleReference = { owasp: 'RULE #12 - Utilize Docker Secrets for Sensitive Data Management' };
export const OWASP_13: RuleReference = { owasp: 'RULE #13 - Enhance Supply Chain Security' };

export const CWE_250: RuleReference = { cwe: '250 Execution with Unnecessary Privileges' };
export const CWE_798: RuleReference = { cwe: '798 Use of Hard-coded Credentials' };
