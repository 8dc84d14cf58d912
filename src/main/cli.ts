// The `dogear` command: bin/dogear.js runs this file through tsx, so no build step is needed.
// Everything but the process wiring lives in ./cli/ and is tested in-process.
import { openLibrary } from './library'
import { runCli } from './cli/run'

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks).toString('utf8')
}

// `dogear list | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
}

const exitCode = await runCli(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
    write: (chunk) => process.stdout.write(chunk),
    readStdin,
    env: process.env
  },
  { openLibrary: (path, { create }) => openLibrary(path, { create }) }
)
process.exitCode = exitCode
