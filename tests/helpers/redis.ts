// A real Redis server for a test file: Debian's redis-server started on a free
// local port, with nothing saved to disk, and stopped at the end. Tests that need
// it skip, saying why, where redis-server is not installed. (No vitest here:
// scripts/bench-queue.ts starts its servers with it too.)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function findRedisServer(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const file = found.stdout.trim();
  return found.status === 0 && file && fs.existsSync(file) ? file : undefined;
}

const REDIS_SERVER = findRedisServer();

/** Why the Redis tests cannot run here, or undefined when they can. */
export const noRedisReason = REDIS_SERVER
  ? undefined
  : 'redis-server is not installed (Debian: apt-get install redis-server; .ci/run installs it when run as root)';

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startOn(port: number): Promise<{ child: ChildProcess; ready: boolean }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-extract-redis-'));
  const child = spawn(REDIS_SERVER!, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = await new Promise<boolean>((resolve) => {
    let output = '';
    const timer = setTimeout(() => resolve(false), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve(true);
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  return { child, ready };
}

/** Starts redis-server on a free port of 127.0.0.1 (trying another port if one is taken meanwhile). */
export async function startRedis(): Promise<RedisServer> {
  if (!REDIS_SERVER) throw new Error(noRedisReason);
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const { child, ready } = await startOn(port);
    if (!ready) {
      child.kill('SIGKILL');
      continue;
    }
    return {
      url: `redis://127.0.0.1:${port}`,
      stop: () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    };
  }
  throw new Error(`redis-server (${REDIS_SERVER}) did not start on a free port of 127.0.0.1 in three tries`);
}

export const ROOT = path.resolve(import.meta.dirname, '../..');
