import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { combine, outcome, verdictOf, type Part } from '../../src/core/outcome.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { isDomainName } from '../../src/probes/sites.js';
import { judgeResolution } from '../../src/rules/dns.js';
import { dnsProbe } from '../../src/probes/dns.js';

const resolver = z.string().regex(/^(\d{1,3}(\.\d{1,3}){3}(:\d{1,5})?|\[[0-9a-fA-F:]+\](:\d{1,5})?|[0-9a-fA-F:]+)$/, {
  message: 'expected a resolver address such as 1.1.1.1, 8.8.8.8:53 or [2606:4700:4700::1111]:53',
});

const options = z.strictObject({
  resolvers: z
    .array(resolver)
    .max(8)
    .default([])
    .describe('DNS servers to ask, e.g. ["1.1.1.1", "8.8.8.8"], to see propagation across them; empty: the resolvers of this machine'),
});

export default defineCheck<z.infer<typeof options>>({
  id: 'infrastructure.dns-records',
  section: 'infrastructure',
  item: 'DNS records verified and propagating',
  severity: 'high',
  automation: 'automated',
  needs: ['services'],
  options,
  verifies: 'Every production host name (services, webhooks, documentation URLs) resolves to public addresses, from every resolver asked.',
  how:
    'Asks DNS directly with node:dns (c-ares, not the OS cache or /etc/hosts): A, AAAA and CNAME for every host, from each resolver in options.resolvers (default: this machine\'s). ' +
    'Addresses are classified by the IANA special-purpose address registries for IPv4 and IPv6 (with multicast and 240.0.0.0/4 from the address-space registries). ' +
    'Fail: NXDOMAIN or no A/AAAA record from every resolver; any address no server can be reached at — documentation (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32, 3fff::/20), ' +
    'benchmarking, multicast, reserved, broadcast, "this network", unspecified, IETF protocol assignments, discard-only and the other blocks not globally reachable. ' +
    'Warn: some resolvers answer and others do not (still propagating); addresses in private, shared (CGNAT), loopback or link-local ranges (they work inside one network only). ' +
    'Error: SERVFAIL, REFUSED or no answer within the timeout. IP addresses and localhost are skipped (no DNS involved).',
  remediation:
    'Create or correct the records at the DNS provider (a CNAME to the target the platform shows), remove stale A records, lower the TTL before changes, and check from several resolvers (dig @1.1.1.1, dig @8.8.8.8).',
  async run(ctx) {
    const hosts = new Set<string>();
    for (const service of Object.values(ctx.environment.services ?? {})) hosts.add(new URL(service.url).hostname);
    for (const webhook of ctx.environment.webhooks ?? []) hosts.add(new URL(webhook.url).hostname);
    for (const url of Object.values(ctx.environment.urls ?? {})) hosts.add(new URL(url).hostname);
    const named = [...hosts].filter(isDomainName);
    if (named.length === 0) return outcome('skip', `no host name to resolve: ${[...hosts].join(', ')} ${hosts.size > 1 ? 'are IP addresses or localhost' : 'is an IP address or localhost'}`);
    const resolvers = ctx.options.resolvers.length > 0 ? ctx.options.resolvers : [undefined];
    const parts: Part[] = await Promise.all(
      named.map(async (host): Promise<Part> => {
        try {
          const answers = await Promise.all(resolvers.map((server) => ctx.probe(dnsProbe).resolve(host, server)));
          const judgements = judgeResolution(host, answers);
          return { label: host, outcome: verdictOf(judgements, judgements.map((j) => j.message).join('; '), { answers }) };
        } catch (error) {
          return { label: host, outcome: probeFailure(error, []) };
        }
      }),
    );
    return combine(parts, { pass: `${named.length} host name(s) resolve from ${resolvers.length} resolver(s)` });
  },
});
