// Runs the command line in-process, as `node bin/dogear.js` would, capturing what it prints.
import { runCli } from '../../src/main/cli/run'
import { openLibrary } from '../../src/main/library'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export async function runDogear(
  argv: string[],
  options: { stdin?: string; env?: Record<string, string> } = {}
): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(
    argv,
    {
      stdout: (text) => (stdout += text + '\n'),
      stderr: (text) => (stderr += text + '\n'),
      readStdin: async () => options.stdin ?? '',
      env: options.env ?? {}
    },
    { openLibrary: (path, { create }) => openLibrary(path, { create }) }
  )
  return { code, stdout, stderr }
}
