/** Host and port of an https:// URL, as a TLS handshake needs them (IPv6 brackets removed). */
export function tlsEndpoint(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port: parsed.port ? Number(parsed.port) : 443 };
}
