/**
 * Whether to colour the output, by the conventions users expect:
 * an explicit `--color` / `--no-color` wins over everything (also over NO_COLOR); then
 * FORCE_COLOR (`0` or `false` turn colour off, any other value on); then NO_COLOR (any non-empty
 * value: off, see no-color.org); then TERM=dumb (off); otherwise colour only on a terminal.
 */
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env, isTTY = Boolean(process.stdout.isTTY)): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

/** The terminal's width in columns when stdout is a terminal; undefined when piped or redirected. */
export function terminalWidth(stream: NodeJS.WriteStream = process.stdout): number | undefined {
  return stream.isTTY && stream.columns > 0 ? stream.columns : undefined;
}
