import type { RequestListener } from 'node:http';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';

/** Servers a test file starts, closed together in afterAll: `const servers = serverPool(); afterAll(servers.closeAll)`. */
export function serverPool() {
  const running: RunningServer[] = [];
  return {
    /** Serves an app (or keeps an already starting server, e.g. a hostile one) on loopback until closeAll. */
    async start(app: RequestListener | Promise<RunningServer>): Promise<RunningServer> {
      const server = app instanceof Promise ? await app : await serve(app);
      running.push(server);
      return server;
    },
    closeAll: async (): Promise<void> => {
      await Promise.all(running.splice(0).map((s) => s.close()));
    },
  };
}
