import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';

export interface SynDroppingServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * A loopback port whose connections never complete, like a firewall that drops SYNs: a listener that never accepts
 * (Perl, which Debian always has: Node accepts every connection by itself), with its accept queue filled by a few
 * connections of our own, after which the kernel drops every further SYN and connect() stays pending.
 */
export async function synDroppingServer(): Promise<SynDroppingServer> {
  const child = spawn(
    'perl',
    [
      '-MSocket',
      '-e',
      'socket(my $s, PF_INET, SOCK_STREAM, 0) or die; setsockopt($s, SOL_SOCKET, SO_REUSEADDR, 1); ' +
        'bind($s, pack_sockaddr_in(0, inet_aton("127.0.0.1"))) or die; listen($s, 0) or die; ' +
        'my ($port) = unpack_sockaddr_in(getsockname($s)); $| = 1; print "$port\\n"; sleep 600;',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
  });
  const fillers: Socket[] = [];
  for (let i = 0; i < 3; i++) {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    fillers.push(socket);
  }
  // Let the fillers take the queue's places before anyone else knocks.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of fillers) socket.destroy();
      child.kill();
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
    },
  };
}
