/** The options of loadProject (load/project.ts), in a module of their own so the modules it uses (targets, neighbours) can name them. */
import type { InputLog } from './inputs';

export interface LoadOptions {
  cwd: string;
  /** Compose files of the project, in merge order ('-' is stdin). Empty: COMPOSE_FILE, then discovery. */
  files?: string[];
  projectName?: string;
  projectDirectory?: string;
  envFiles?: string[];
  profiles?: string[];
  /** The OS environment (process.env by default). */
  osEnv?: Record<string, string>;
  interpolate?: boolean;
  stdin?: string;
  /** The file on disk that stdin stands for (an editor buffer): never its own neighbour. */
  stdinPath?: string;
  /** Where `docker compose` would be started: its `.env` was read to choose the files (see env.ts). */
  launchDir?: string;
  /** List the neighbouring compose files (default true; false when loading a neighbour itself). */
  neighbours?: boolean;
  /** Record the load's inputs into this log (a neighbour shares its project's); default: a new one. */
  inputs?: InputLog;
  /** Receives one line per step worth explaining: `--debug`. */
  onDebug?: (line: string) => void;
}
