import { defineRule } from '../src/define-rule';
import type { Origin } from '../src/model/origin';
import { environment } from '../src/model/service';
import { substitute, TemplateError } from '../src/load/template';
import { parseDotenv } from '../src/load/dotenv';
import type { Exposure } from '../src/graph/exposure';
import type { Project } from '../src/model/project';
import type { SourceFile } from '../src/model/source';
import { CWE_798, OWASP_12 } from './_references';
import { serviceEntries } from '../src/model/project';
import { familiarName, parseImageReference } from '../src/model/image';
import { exposureOf, reach, severityFor } from './_security';

/**
 * Is this variable name shaped like a credential? Names are compared in upper snake case
 * (`dbPassword` -> `DB_PASSWORD`), word by word:
 * - a word containing PASSWORD, PASSWD, PASSPHRASE, SECRET, TOKEN or CREDENTIAL (TOKENIZERS is not);
 * - the words PASS or PWD (`DB_PASS`, `SMTP_PWD`; not `PWD` itself, the working directory);
 * - KEY after API, PRIVATE, ACCESS, ENCRYPTION, SIGNING, MASTER, APP, AUTH, SESSION, JWT, CLIENT,
 *   HMAC, LICENSE or SHARED (`API_KEY`, `APIKEY`, `PRIVATE_KEY`);
 * and not when the last word says the value is about the secret rather than the secret
 * (`*_FILE`, `*_PATH`, `*_LENGTH`, `*_TTL`, `*_ID`, `*_URL`, ...).
 */
export function isSecretName(name: string): boolean {
  let known = secretNames.get(name);
  if (known === undefined) {
    if (secretNames.size >= SECRET_NAMES_KEPT) secretNames.clear(); // a long-lived process (an editor) stays bounded
    secretNames.set(name, (known = judgeName(name)));
  }
  return known;
}
/** isSecretName's answers: thousands of services repeat the same few variable names (issue 13). */
const secretNames = new Map<string, boolean>();
const SECRET_NAMES_KEPT = 4096;

/** A variable name's words in upper case: `dbPassword` -> DB, PASSWORD; `API-key` -> API, KEY. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

function judgeName(name: string): boolean {
  const words = nameWords(name);
  if (!words.length || name === 'PWD' || name === 'OLDPWD') return false;
  if (NOT_THE_SECRET.has(words[words.length - 1])) return false;
  return words.some(
    (w, i) =>
      /(PASSWORD|PASSWD|PASSPHRASE|SECRET|CREDENTIAL)/.test(w) ||
      /TOKENS?$/.test(w) ||
      w === 'PASS' ||
      w === 'PWD' ||
      /^(API|PRIVATE|ACCESS|ENCRYPTION|SIGNING|MASTER|APP|AUTH|SESSION|JWT|CLIENT|HMAC|LICENSE|SHARED)KEYS?$/.test(w) ||
      (/^KEYS?$/.test(w) && i > 0 && /^(API|PRIVATE|ACCESS|ENCRYPTION|SIGNING|MASTER|APP|AUTH|SESSION|JWT|CLIENT|HMAC|LICENSE|SHARED)$/.test(words[i - 1])),
  );
}

/**
 * Is `key` the ID half of an S3-style key pair? In S3's naming (AWS's legacy `AWS_ACCESS_KEY` and
 * `AWS_SECRET_KEY`, MinIO's `MINIO_ACCESS_KEY` and `MINIO_SECRET_KEY`) the access key is the public
 * key ID and the secret key is the credential. So `<P>_ACCESS_KEY` (or `<P>_ACCESSKEY`) without a
 * secret word is an ID when P starts with AWS or when `names` (the service's variables, as
 * nameWords joined by `_`) also holds its secret half `<P>_SECRET_KEY` or `<P>_SECRET_ACCESS_KEY`.
 * Alone under another prefix it stays a secret (Azure's `AZURE_STORAGE_ACCESS_KEY` is the account key).
 */
function isAccessKeyId(key: string, names: () => ReadonlySet<string>): boolean {
  const words = nameWords(key);
  const last = words[words.length - 1];
  const prefix = last === 'ACCESSKEY' ? words.slice(0, -1) : last === 'KEY' && words[words.length - 2] === 'ACCESS' ? words.slice(0, -2) : undefined;
  if (!prefix || prefix.some((w) => /PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL/.test(w))) return false;
  if (prefix[0] === 'AWS') return true;
  const set = names();
  return [['SECRET', 'KEY'], ['SECRET', 'ACCESS', 'KEY'], ['SECRETKEY']].some((tail) => set.has([...prefix, ...tail].join('_')));
}

const NOT_THE_SECRET = new Set([
  'FILE',
  'FILES',
  'PATH',
  'DIR',
  'LENGTH',
  'LEN',
  'MIN',
  'MAX',
  'TTL',
  'EXPIRY',
  'EXPIRE',
  'EXPIRES',
  'EXPIRATION',
  'TIMEOUT',
  'LIFETIME',
  'AGE',
  'URL',
  'URI',
  'ENDPOINT',
  'HOST',
  'PORT',
  'HEADER',
  'NAME',
  'ID',
  'USER',
  'USERNAME',
  'ENABLED',
  'ENABLE',
  'DISABLED',
  'DISABLE',
  'REQUIRED',
  'TYPE',
  'ALGORITHM',
  'ALG',
  'POLICY',
  'MODE',
  'METHOD',
  'PROVIDER',
  'ISSUER',
  'AUDIENCE',
  // The token service's name, realm or scope (`REGISTRY_AUTH_TOKEN_SERVICE=container_registry`):
  // settings of an auth scheme, not its credential.
  'SERVICE',
  'REALM',
  'SCOPE',
  'SCOPES',
  'DOMAIN',
  'SERVER',
  'ADDR',
  'ADDRESS',
  'VERSION',
  'PREFIX',
  'REGION',
  // A password hash (bcrypt, argon2) verifies the password; configs publish it by design (Caddy, Traefik basic auth).
  'HASH',
  'SIZE',
  'BITS',
  'COST',
  'ROUNDS',
  'ITERATIONS',
  'COMPLEXITY',
  'FORMAT',
  'HINT',
  'FIELD',
  'PARAM',
  'STRATEGY',
  'BACKEND',
  'COMMAND',
  'CMD',
  'SCHEME',
  'REGEX',
  'PATTERN',
  'STRENGTH',
]);

/**
 * Values that are not a secret even under a secret-shaped name: booleans, placeholders, paths
 * (`GOOGLE_APPLICATION_CREDENTIALS: /run/secrets/gcp.json` names a file, it is not the key), and
 * words that say the value is no credential (mailcow's `API_KEY=${API_KEY:-invalid}` turns the API
 * off; cp-all-in-one's telemetry `API_KEY: "dummy"`). A "change me" default (`changeme`,
 * `replace-me`) is still reported: left unchanged it is the password the service runs with.
 */
function notASecret(value: string): boolean {
  const v = value.trim();
  return (
    v === '' ||
    /^(true|false|yes|no|on|off|null|none|invalid|dummy|disabled|placeholder|unused|unset|undefined|not[-_ ]?set|n\/a)$/i.test(v) ||
    /^<[^>]*>$/.test(v) ||
    /^[x*.]+$/i.test(v) ||
    /^(\/|\.\.?\/|~\/)[\w./-]*$/.test(v)
  );
}

/** `scheme://user:password@host`: the password part, or undefined. */
function urlPassword(value: string): string | undefined {
  const m = /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:([^@\s/]+)@/i.exec(value);
  return m ? m[1] : undefined;
}

/** A YAML scalar's text without its quotes (double-quoted escapes decoded where JSON agrees). */
function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    try {
      return JSON.parse(text) as string;
    } catch {
      return text.slice(1, -1);
    }
  }
  return text;
}

/**
 * What the value would be with every variable unset: the part written literally in the file (text
 * around `${...}` and literal defaults like `${PW:-changeme}`). `${PW}` alone gives ''. The written
 * text is the scalar at `origin` (`KEY=value` for list entries).
 */
function literalPart(origin: Origin | undefined, key: string, value: string): string {
  if (!origin) return value;
  let text = unquote(origin.source.text.slice(origin.start, origin.end).trim());
  if (text.startsWith(`${key}=`)) text = text.slice(key.length + 1);
  if (!text.includes('$')) return value;
  if (/^[|>]/.test(text)) return value;
  try {
    return substitute(text, () => undefined).value;
  } catch (e) {
    if (e instanceof TemplateError) return '';
    throw e;
  }
}

/**
 * False when neither the value nor its written text (where an escape could spell one) holds an `@`:
 * then no literal part of it is a URL with a password, and a variable whose name is no secret's
 * gives no finding without its text being copied and substituted (issue 13: every variable of
 * every service passes here).
 */
function mayHoldUrl(origin: Origin | undefined, value: string): boolean {
  if (value.includes('@') || !origin) return true;
  // A scan of the range only: indexOf from start would read on to the end of the file each time.
  const text = origin.source.text;
  for (let i = origin.start; i < origin.end; i++) {
    const c = text.charCodeAt(i);
    if (c === AT || c === BACKSLASH) return true;
  }
  return false;
}
const AT = 0x40;
const BACKSLASH = 0x5c;

/**
 * Images whose entrypoint reads a setting from the file named by `<VAR>_FILE` (Grafana:
 * `<VAR>__FILE`), so a Compose secret can replace the variable. Sources: the Docker official images'
 * docker-entrypoint.sh `file_env` calls (postgres, mysql, mariadb, mongo, nextcloud) and
 * wp-config-docker.php's getenv_docker (wordpress); Grafana's docs, "Configure Grafana", env
 * variables with `__FILE`. Images built on postgres (postgis, pgvector, timescaledb) share its entrypoint.
 */
const FILE_VARIABLES: { images: string[]; variables: RegExp; suffix: string }[] = [
  { images: ['postgres', 'postgis/postgis', 'pgvector/pgvector', 'timescale/timescaledb'], variables: /^POSTGRES_(PASSWORD|USER|DB|INITDB_ARGS)$/, suffix: '_FILE' },
  { images: ['mysql'], variables: /^MYSQL_(ROOT_PASSWORD|PASSWORD|USER|DATABASE|ROOT_HOST)$/, suffix: '_FILE' },
  { images: ['mariadb'], variables: /^(MARIADB|MYSQL)_(ROOT_PASSWORD|PASSWORD|USER|DATABASE|ROOT_HOST)$/, suffix: '_FILE' },
  { images: ['mongo'], variables: /^MONGO_INITDB_ROOT_(USERNAME|PASSWORD)$/, suffix: '_FILE' },
  { images: ['nextcloud'], variables: /^(NEXTCLOUD_ADMIN_(USER|PASSWORD)|MYSQL_(DATABASE|USER|PASSWORD)|POSTGRES_(DB|USER|PASSWORD))$/, suffix: '_FILE' },
  { images: ['wordpress'], variables: /^WORDPRESS_/, suffix: '_FILE' },
  { images: ['grafana/grafana', 'grafana/grafana-oss', 'grafana/grafana-enterprise'], variables: /^GF_/, suffix: '__FILE' },
];

/** The `_FILE` variable the service's image reads instead of `key`, with the image's name; undefined when it is not known to read one. */
function fileVariable(image: unknown, key: string): { fileVariable: string; image: string } | undefined {
  if (typeof image !== 'string' || image === '') return undefined;
  const name = familiarName(parseImageReference(image));
  const row = FILE_VARIABLES.find((r) => r.images.includes(name) && r.variables.test(key));
  return row && { fileVariable: `${key}${row.suffix}`, image: name };
}

/**
 * Where the value of an `environment` entry is written: the entry's value in mapping form; in list
 * form (the entry's text starts with `KEY=`) the part after `KEY=`, inside the quotes, so both forms
 * point at what to change. The whole entry when its text does not spell the key literally (an
 * escape in a quoted key).
 */
function valueOrigin(origin: Origin | undefined, key: string): Origin | undefined {
  if (!origin) return origin;
  const text = origin.source.text.slice(origin.start, origin.end);
  const quote = /^["']/.test(text) ? 1 : 0;
  if (!text.startsWith(`${key}=`, quote)) return origin;
  return { source: origin.source, start: origin.start + quote + key.length + 1, end: origin.end - (quote && text.length > 1 && text.endsWith(text[0]) ? 1 : 0) };
}

type Kind = 'name' | 'url';

const LEVEL_ORDER: Record<Exposure['level'], number> = { public: 0, adjacent: 1, internal: 2 };

/** Why a literal value is a finding, or undefined. `names`: the service's variables (see isAccessKeyId). */
function verdict(key: string, literal: string, names: () => ReadonlySet<string>): Kind | undefined {
  if (isSecretName(key) && !notASecret(literal) && !isAccessKeyId(key, names)) return 'name';
  const pw = urlPassword(literal);
  return pw !== undefined && !notASecret(pw) && !pw.startsWith('$') ? 'url' : undefined;
}

export default defineRule<Record<string, never>, 'environment' | 'environmentFile' | 'environmentUrl' | 'envFile' | 'envFileUrl'>({
  id: 'secret-in-environment',
  description: 'A password, token or key is written literally in `environment` or in an `env_file`, or a URL carries a literal password.',
  category: 'security',
  severity: 'warning',
  securitySeverity: 6.5,
  fixable: false,
  messages: {
    environment:
      '`{{key}}` is set to a literal secret (value masked): it is in the file for anyone who reads it and in `docker inspect`; use a variable from an untracked `.env`, or a Compose secret if the image can read this setting from a file ({{exposure}})',
    environmentFile:
      '`{{key}}` is set to a literal secret (value masked): it is in the file for anyone who reads it and in `docker inspect`; use a Compose secret and `{{fileVariable}}`, which the {{image}} image reads, or a variable from an untracked `.env` ({{exposure}})',
    environmentUrl:
      '`{{key}}` holds a URL with a literal password (masked): it is in the file for anyone who reads it and in `docker inspect`; take the password from a Compose secret or a variable from an untracked `.env` ({{exposure}})',
    envFile: '`{{key}}` in env file {{file}} (read by {{services}}) is a literal secret (value masked): keep this file out of version control, or use a Compose secret ({{exposure}})',
    envFileUrl: '`{{key}}` in env file {{file}} (read by {{services}}) is a URL with a literal password (masked): keep this file out of version control, or use a Compose secret ({{exposure}})',
  },
  docs: {
    why: [
      "A password written into `environment` is in the repository, in every copy of the file, in `docker inspect` and in the environment of every process in the container. The rule reports variables whose name looks like a credential (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*API_KEY*`, `*PRIVATE_KEY*`, `*_PASS`, `*_PWD`, ...) and URLs with a password (`postgres://app:s3cret@db/app`), wherever the literal value is written: in the compose file (including a literal default such as `${DB_PASSWORD:-changeme}`), or in a file named by `env_file`. A secret in an env file is reported once, at its line in that file, naming every service that reads it (the most exposed one sets the severity); a line whose key the service's own `environment` sets instead does not reach the container and is not reported for it.",
      '',
      'Not reported: names about a secret rather than the secret (`*_FILE`, `*_PATH`, `*_TTL`, `*_ID`, `*_SERVICE`, `*_REALM`, `*_SCOPE`, `*_HASH`, ...: `REGISTRY_AUTH_TOKEN_SERVICE` names the token service, a password hash only verifies the password), an S3-style access key ID (`AWS_ACCESS_KEY`, or `<P>_ACCESS_KEY` beside its `<P>_SECRET_KEY`: the secret key is the credential), empty values, booleans, placeholders like `<password>`, values that say they are no credential (`invalid`, `dummy`, `disabled`), and values that are only a variable (`${DB_PASSWORD}`), which come from the environment at run time. A "change me" default such as `${DB_PASSWORD:-changeme}` is reported: left as it is, it is the password the service runs with, and anyone who reads the file knows it. The value itself is never printed: messages and every output format show it masked.',
      '',
      'Prefer Compose `secrets:` or keep the value in an untracked `.env` and refer to it as `${VAR}`. Many images read a setting from a file named by a `*_FILE` variable; the message names that variable only for images known to read it (the official postgres, mysql, mariadb, mongo, nextcloud and wordpress images for their documented variables, Grafana for `GF_*__FILE`), since an image that does not read it ignores it. The finding points at the value (in list form, the part after `KEY=`). It is an error when the service is public and a warning otherwise.',
    ].join('\n'),
    bad: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: s3cret-pw\n',
    good: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets:\n      - db_password\nsecrets:\n  db_password:\n    file: ./db_password.txt\n',
    references: [OWASP_12, CWE_798],
  },
  check(ctx) {
    const envFiles = new EnvFileLiterals(ctx.project);
    // One finding per env-file line, however many services read the file.
    const fromFiles = new Map<string, { key: string; origin: Origin; kind: Kind; users: [string, Exposure][] }>();
    for (const [name, svc] of serviceEntries(ctx.project)) {
      const exposure = exposureOf(ctx.graph, name);
      const entries = environment(svc);
      let names: Set<string> | undefined;
      const namesOf = () => (names ??= new Set(entries.map((e) => nameWords(e.key).join('_'))));
      for (const e of entries) {
        if (e.value === undefined) continue;
        const fileLiterals = e.origin && envFiles.literals(e.origin.source);
        if (fileLiterals) {
          // Folded in from an env_file by the loader: the value counts as written in that file.
          const kind = verdict(e.key, fileLiterals[e.key] ?? '', namesOf);
          if (!kind) continue;
          const at = `${e.origin!.source.path}:${e.origin!.start}`; // the same line read by several services
          const seen = fromFiles.get(at) ?? fromFiles.set(at, { key: e.key, origin: e.origin!, kind, users: [] }).get(at)!;
          if (!seen.users.some(([n]) => n === name)) seen.users.push([name, exposure]);
          continue;
        }
        const kind = isSecretName(e.key) || mayHoldUrl(e.origin, e.value) ? verdict(e.key, literalPart(e.origin, e.key, e.value), namesOf) : undefined;
        if (!kind) continue;
        const common = { origin: valueOrigin(e.origin, e.key), service: name, value: e.key, severity: severityFor('warning', exposure) };
        const file = kind === 'name' ? fileVariable(svc.image, e.key) : undefined;
        if (kind === 'url') ctx.report({ messageId: 'environmentUrl', data: { key: e.key, exposure: reach(exposure) }, ...common });
        else if (file) ctx.report({ messageId: 'environmentFile', data: { key: e.key, ...file, exposure: reach(exposure) }, ...common });
        else ctx.report({ messageId: 'environment', data: { key: e.key, exposure: reach(exposure) }, ...common });
      }
    }
    for (const { key, origin, kind, users } of fromFiles.values()) {
      // The most exposed reader decides the severity and is named first.
      const [first, exposure] = [...users].sort((a, b) => LEVEL_ORDER[a[1].level] - LEVEL_ORDER[b[1].level])[0];
      const names = users.map(([n]) => n);
      ctx.report({
        messageId: kind === 'name' ? 'envFile' : 'envFileUrl',
        data: { key, file: origin.source.path, services: `${names.length > 1 ? 'services' : 'service'} ${names.join(', ')}`, exposure: reach(exposure) },
        origin,
        service: first,
        value: key,
        severity: severityFor('warning', exposure),
      });
    }
  },
});

/**
 * The env files the loader read (Project.envFiles), each with its values as the file alone spells
 * them: parsed again with every outside variable unset, so `${TOKEN}` gives '' and
 * `${TOKEN:-changeme}` gives `changeme`.
 */
class EnvFileLiterals {
  private readonly bySource = new Map<SourceFile, Record<string, string> | undefined>();

  constructor(project: Project) {
    for (const entries of Object.values(project.envFiles)) if (entries.length) this.bySource.set(entries[0].origin.source, undefined);
  }

  /** The literal values of the env file `source`, or undefined when it is not an env file of the project. */
  literals(source: SourceFile): Record<string, string> | undefined {
    if (!this.bySource.has(source)) return undefined;
    let values = this.bySource.get(source);
    if (!values) {
      values = literalValues(source.text);
      this.bySource.set(source, values);
    }
    return values;
  }
}

/** An env file's values with every outside variable unset (empty when it does not parse as dotenv). */
function literalValues(text: string): Record<string, string> {
  try {
    return parseDotenv(text, () => undefined);
  } catch {
    return {};
  }
}
