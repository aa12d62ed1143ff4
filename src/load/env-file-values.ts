/**
 * Values of a service's `env_file`, read for `config` (compose-go WithServicesEnvironmentResolved):
 * each file parsed with compose-go's dotenv rules, `${VAR}` looked up in the files read before it
 * for the same service, then in the project environment.
 */
import * as fs from 'fs';
import { parseDotenv } from './dotenv';

/**
 * A reader for canonicalModel's `envFile` option: (absolute path, values of the service's earlier
 * env files) -> the file's values, or undefined when the file cannot be read or parsed (a missing
 * or malformed env_file is the loader's problem to report, not config's).
 */
export function envFileReader(projectEnv: Record<string, string>): (absPath: string, earlier: Record<string, unknown>) => Record<string, string> | undefined {
  return (absPath, earlier) => {
    let text: string;
    try {
      text = fs.readFileSync(absPath, 'utf8');
    } catch {
      return undefined;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const lookup = (k: string): string | undefined => {
      const v = earlier[k];
      if (typeof v === 'string') return v;
      return Object.prototype.hasOwnProperty.call(projectEnv, k) ? projectEnv[k] : undefined;
    };
    try {
      return parseDotenv(text, lookup);
    } catch {
      return undefined;
    }
  };
}
