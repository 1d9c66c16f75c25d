import { addressScope } from '../core/hosts.js';

/** True for an IP literal (v4 or v6). */
const isIpLiteral = (text: string) => addressScope(text) !== undefined;

/**
 * Hosts a variable's value names, whatever the variable is called: every URL in it (multi-host authorities such as
 * `mongodb://a:27017,b:27017` included), every `host=`/`Server=`/`Data Source=` of a connection string, and host
 * lists (`localhost:9092,localhost:9093`). Each host says how sure the reading is, so that a rule can keep its
 * softer judgements (a "staging" label) to hosts that are certainly hosts.
 */
export interface ValueHost {
  host: string;
  /**
   * `named`: from a URL, a connection string or a variable named for hosts (KAFKA_BROKERS, *_SERVERS, *_NODES, …);
   * `shaped`: only shaped like one (`host:port`, an IP literal, `localhost`) in a variable of any name.
   */
  certainty: 'named' | 'shaped';
}

/** Variables whose values are hosts or lists of them. */
const HOST_NAME = /(HOSTS?|HOSTNAMES?|DOMAINS?|ORIGINS?|SERVERS?|ENDPOINTS?|ADDR|ADDRS|ADDRESS|ADDRESSES|BROKERS?|NODES?|PEERS?|SEEDS?|CONTACT_POINTS?|SENTINELS?|REPLICAS?|UPSTREAMS?|CLUSTER|BOOTSTRAP|PROXY|AUTHORITY)$/i;
const URL_START = /\b([a-z][a-z0-9+.-]*):\/\/([^\s'"<>/?#]*)/gi;
const CONNECTION_KEY = /(?:^|[;\s])(server|host|hostaddr|hostname|data source|address|addr|network address|endpoint|contact points)\s*=\s*([^;\s]+)/gi;
/** host, host:port, [v6], [v6]:port. */
const HOST_ENTRY = /^(\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9])?)(?::(\d{1,5}))?$/i;

/** The host of a list entry (an unbracketed IPv6 literal included), or undefined when it is not shaped like one. */
function hostOf(entry: string): string | undefined {
  return isIpLiteral(entry) ? entry : HOST_ENTRY.exec(entry)?.[1];
}

export function hostsInValue(name: string, value: string): ValueHost[] {
  const found = new Map<string, ValueHost['certainty']>();
  const add = (host: string | undefined, certainty: ValueHost['certainty']) => {
    if (!host) return;
    const h = host.toLowerCase().replace(/^\[|\]$/g, '');
    if (h === '' || /^\d+$/.test(h)) return;
    if (found.get(h) !== 'named') found.set(h, certainty);
  };
  for (const match of value.matchAll(URL_START)) {
    const authority = (match[2] ?? '').slice((match[2] ?? '').lastIndexOf('@') + 1);
    for (const entry of authority.split(',')) add(hostOf(entry.trim()), 'named');
  }
  for (const match of value.matchAll(CONNECTION_KEY)) {
    for (const entry of (match[2] ?? '').replace(/^tcp:/i, '').split(',')) add(hostOf(entry.trim()), 'named');
  }
  const withoutUrls = value.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S*/gi, ' ');
  const entries = withoutUrls.split(/[,;\s]+/).filter(Boolean);
  if (found.size === 0 && HOST_NAME.test(name)) {
    for (const entry of entries) add(hostOf(entry), 'named');
  } else if (entries.length > 0 && entries.every((e) => hostOf(e) !== undefined)) {
    // A list made only of host-shaped entries: those with a port, IP literals and localhost names are hosts.
    for (const entry of entries) {
      const [, host = entry, port] = HOST_ENTRY.exec(entry) ?? [];
      const bare = host.replace(/^\[|\]$/g, '');
      if (port !== undefined || isIpLiteral(bare) || /^(localhost|.+\.localhost)$/i.test(bare)) add(host, 'shaped');
    }
  }
  return [...found].map(([host, certainty]) => ({ host, certainty }));
}
