import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../../fixtures/apps/serve.js';
import type { ReceiverSecrets } from '../../fixtures/webhooks/receivers.js';
import { receiverSecrets, startReceivers } from '../../fixtures/webhooks/setup.js';

/**
 * The webhook receivers of fixtures/webhooks for one test file: started with fresh canary secrets before its tests and
 * closed after them, together with every extra server handed to `track` (a hanging one, say).
 */
export function useWebhookReceivers() {
  const servers: RunningServer[] = [];
  let started: { secrets: ReceiverSecrets; server: RunningServer } | undefined;
  beforeAll(async () => {
    const secrets = receiverSecrets();
    const server = await startReceivers(secrets);
    servers.push(server);
    started = { secrets, server };
  });
  afterAll(() => Promise.all(servers.map((s) => s.close())));
  const running = () => {
    if (!started) throw new Error('the webhook receivers are used before beforeAll started them');
    return started;
  };
  return {
    get secrets(): ReceiverSecrets {
      return running().secrets;
    },
    get url(): string {
      return running().server.url;
    },
    async track(server: Promise<RunningServer>): Promise<RunningServer> {
      const s = await server;
      servers.push(s);
      return s;
    },
  };
}
