// Progress lines go to stderr only once a command has run for a second: on a loaded machine a test
// may see them. Anything else on stderr is still a failure.

/** `stderr` without the engine's progress lines (run's "simulated through", the planners' "done"). */
export function withoutProgress(stderr: string): string {
  return stderr.replace(/^ {2}\S+: simulated through \d{4} of \d{4}\n/gm, '').replace(/^ {2}\d+ of \d+ [^\n]* done\n/gm, '');
}
