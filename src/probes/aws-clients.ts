import type { BudgetsClient } from '@aws-sdk/client-budgets';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import type { S3ControlClient } from '@aws-sdk/client-s3-control';
import type { STSClient } from '@aws-sdk/client-sts';
import type { AwsConfig } from '../config/schema/aws.js';
import { ProbeError } from '../core/errors.js';
import { Memo } from '../core/memo.js';
import type { HttpLimits } from './http-limits.js';

/** Hard cap on AWS API calls in one run, whatever the checks ask for (a few dozen per bucket at most). */
export const MAX_AWS_CALLS = 400;

export type AwsService = 'S3' | 'IAM' | 'STS' | 'S3 Control' | 'Budgets';

/**
 * An answer the service gave that is itself an observation: AccessDenied, NoSuchBucketPolicy, NotImplemented, …
 * (HTTP 4xx, or 501). Unreachable services, time-outs, 5xx and rejected credentials are ProbeErrors instead.
 */
export interface AwsRefusal {
  /** The error code the service answered (AccessDenied, NoSuchBucketPolicy, MethodNotAllowed, …). */
  code: string;
  status: number | null;
  /** The IAM action the call needs, e.g. s3:GetBucketPolicy: what to grant when it was denied. */
  action: string;
  message: string;
}

/** One read of one API: its answer, or the service's refusal. */
export type AwsRead<T> = { ok: true; value: T } | { ok: false; refusal: AwsRefusal };

export class AwsRefusalError extends Error {
  constructor(readonly refusal: AwsRefusal) {
    super(`${refusal.action}: ${refusal.code}${refusal.message ? ` (${refusal.message})` : ''}`);
    this.name = 'AwsRefusalError';
  }
}

/** Codes that mean the credentials themselves were rejected: every later call would fail the same way. */
const CREDENTIAL_CODES = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'InvalidToken',
  'UnrecognizedClientException',
  'AuthFailure',
  'TokenRefreshRequired',
]);

const NETWORK_CODES: Record<string, [ProbeError['code'], string]> = {
  ECONNREFUSED: ['refused', 'connection refused by'],
  ENOTFOUND: ['dns', 'cannot resolve'],
  EAI_AGAIN: ['dns', 'cannot resolve'],
  ECONNRESET: ['reset', 'connection reset by'],
  EPIPE: ['reset', 'connection reset by'],
  ETIMEDOUT: ['timeout', 'no answer from'],
};

interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  Code?: string;
}

function shortMessage(text: string | undefined): string {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  // The SDK fills in "UnknownError" when a server sends a code without a message (radosgw does): it says nothing.
  if (clean === 'UnknownError') return '';
  return clean.length > 200 ? `${clean.slice(0, 197)}…` : clean;
}

/** What an SDK failure means for the probe: a refusal to keep as an observation, or a ProbeError to throw. */
export function classifyAwsError(error: unknown, service: AwsService, action: string, timing: { deadline: AbortSignal; run: AbortSignal; timeoutMs: number; where: string }): ProbeError | AwsRefusalError {
  if (error instanceof ProbeError || error instanceof AwsRefusalError) return error;
  const e = (error ?? {}) as SdkErrorShape;
  if (timing.run.aborted) return new ProbeError('aborted', `${service} ${action} was aborted`);
  if (timing.deadline.aborted) return new ProbeError('timeout', `no answer from ${service} (${timing.where}) to ${action} within ${timing.timeoutMs} ms`, 'TOTAL_TIMEOUT');
  const name = e.name ?? '';
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(e.message ?? '')) {
    return new ProbeError('auth', 'no AWS credentials found: set aws.accessKeyId and aws.secretAccessKey, aws.profile, or the standard AWS_* variables', 'NO_CREDENTIALS');
  }
  const network = e.code ? NETWORK_CODES[e.code] : undefined;
  if (network) return new ProbeError(network[0], `${network[1]} ${service} at ${timing.where} (${action})`, e.code);
  if (name === 'TimeoutError' || name === 'RequestTimeout' || e.code === 'ETIMEDOUT') {
    return new ProbeError('timeout', `${service} (${timing.where}) stopped answering ${action} (no data within ${timing.timeoutMs} ms)`, name);
  }
  if (name === 'AbortError') return new ProbeError('aborted', `${service} ${action} was aborted`);
  const status = e.$metadata?.httpStatusCode ?? null;
  const code = e.Code ?? (name && name !== 'Error' && name !== 'Unknown' ? name : status !== null ? `HTTP ${status}` : 'UnknownError');
  const message = shortMessage(e.message);
  if (CREDENTIAL_CODES.has(code)) {
    return new ProbeError('auth', `${service} rejected the credentials (${code}${message ? `: ${message}` : ''})`, code);
  }
  if (status === null) {
    // No HTTP answer and no known socket error: a malformed answer the SDK could not parse, or a bug of ours.
    return new ProbeError('protocol', `malformed answer from ${service} (${timing.where}) to ${action}${message ? `: ${message}` : ''}`, name || undefined);
  }
  if (status >= 500 && status !== 501) {
    return new ProbeError('unavailable', `${service} (${timing.where}) answered ${status} ${code} to ${action}`, code);
  }
  return new AwsRefusalError({ code, status, action, message });
}

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/**
 * The AWS SDK clients of one run, created on first use. The SDK packages are imported here, inside methods, and
 * nowhere else: `--help`, `list` and runs without an AWS check never load them.
 */
export class AwsClients {
  private readonly memo = new Memo();
  private readonly created: { destroy(): void }[] = [];
  private calls = 0;

  constructor(
    readonly config: AwsConfig,
    private readonly limits: HttpLimits,
    private readonly signal: AbortSignal,
    private readonly userAgent: string,
  ) {}

  get callsMade(): number {
    return this.calls;
  }

  /** True when S3 is not AWS's own (MinIO, Ceph, R2, LocalStack): the other services are asked only where configured. */
  get s3Compatible(): boolean {
    return this.config.endpoint !== undefined;
  }

  private credentials(): Credentials | undefined {
    const { accessKeyId, secretAccessKey, sessionToken } = this.config;
    if (accessKeyId === undefined || secretAccessKey === undefined) return undefined;
    return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
  }

  private common(region: string, endpoint: string | undefined): Record<string, unknown> {
    const credentials = this.credentials();
    return {
      region,
      // One retry: a passing blip is retried, a failing service becomes `error` within the check's time.
      maxAttempts: 2,
      requestHandler: { connectionTimeout: this.limits.connectTimeoutMs, requestTimeout: this.limits.totalTimeoutMs },
      customUserAgent: this.userAgent,
      ...(endpoint ? { endpoint } : {}),
      ...(credentials ? { credentials } : {}),
      ...(this.config.profile ? { profile: this.config.profile } : {}),
    };
  }

  private track<T extends { destroy(): void }>(client: T): T {
    this.created.push(client);
    return client;
  }

  private s3Options(region: string): Record<string, unknown> {
    return {
      ...this.common(region, this.config.endpoint),
      forcePathStyle: this.config.pathStyle ?? this.config.endpoint !== undefined,
      // A 301 with x-amz-bucket-region is retried in the bucket's own region.
      followRegionRedirects: true,
      // Checksums only where the API requires them: S3-compatible stores lack the newer trailers, and ranged reads carry none.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    };
  }

  s3(region: string): Promise<S3Client> {
    return this.memo.get(`s3 ${region}`, async () => {
      const { S3Client } = await loadSdk(() => import('@aws-sdk/client-s3'));
      return this.track(new S3Client(this.s3Options(region)));
    });
  }

  /** Unsigned requests, as anyone on the internet would send them. */
  anonymousS3(region: string): Promise<S3Client> {
    return this.memo.get(`anonymous s3 ${region}`, async () => {
      const { S3Client } = await loadSdk(() => import('@aws-sdk/client-s3'));
      const options = this.s3Options(region);
      delete options.profile;
      return this.track(
        new S3Client({
          ...options,
          // Placeholder credentials keep the SDK from searching the provider chain; the signer leaves requests unsigned.
          credentials: { accessKeyId: 'anonymous', secretAccessKey: 'anonymous' },
          signer: { sign: async (request: unknown) => request },
        } as S3ClientConfig),
      );
    });
  }

  /** Whether a service other than S3 is asked at all: always on AWS, and on an S3-compatible stack only where configured. */
  asks(service: 'iam' | 'sts' | 's3control' | 'budgets'): boolean {
    return this.config.endpoints?.[service] !== undefined || !this.s3Compatible;
  }

  /** Host (and port) a service is reached at, for messages: the configured endpoint, or AWS's. */
  where(service: 's3' | 'iam' | 'sts' | 's3control' | 'budgets', region = this.config.region): string {
    const configured = service === 's3' ? this.config.endpoint : this.config.endpoints?.[service];
    if (configured) return new URL(configured).host;
    const hosts = { s3: `s3.${region}.amazonaws.com`, iam: 'iam.amazonaws.com', sts: `sts.${region}.amazonaws.com`, s3control: `s3-control.${region}.amazonaws.com`, budgets: 'budgets.amazonaws.com' };
    return hosts[service];
  }

  iam(): Promise<IAMClient> {
    return this.memo.get('iam', async () => {
      const { IAMClient } = await loadSdk(() => import('@aws-sdk/client-iam'));
      return this.track(new IAMClient(this.common('us-east-1', this.config.endpoints?.iam)));
    });
  }

  sts(): Promise<STSClient> {
    return this.memo.get('sts', async () => {
      const { STSClient } = await loadSdk(() => import('@aws-sdk/client-sts'));
      return this.track(new STSClient(this.common(this.config.region, this.config.endpoints?.sts)));
    });
  }

  s3control(): Promise<S3ControlClient> {
    return this.memo.get('s3control', async () => {
      const { S3ControlClient } = await loadSdk(() => import('@aws-sdk/client-s3-control'));
      const endpoint = this.config.endpoints?.s3control;
      // A configured endpoint is used as given: AWS's endpoint rules would put the account id in front of its host name.
      const options = { ...this.common(this.config.region, undefined), ...(endpoint ? { endpointProvider: () => ({ url: new URL(endpoint) }) } : {}) };
      return this.track(new S3ControlClient(options));
    });
  }

  budgets(): Promise<BudgetsClient> {
    return this.memo.get('budgets', async () => {
      const { BudgetsClient } = await loadSdk(() => import('@aws-sdk/client-budgets'));
      return this.track(new BudgetsClient(this.common('us-east-1', this.config.endpoints?.budgets)));
    });
  }

  /**
   * One API call, bounded by the run's total timeout and Ctrl-C, counted against the run's cap. Resolves with the
   * answer, or rejects with an AwsRefusalError (an observation) or a ProbeError (no observation).
   */
  async call<T>(service: AwsService, action: string, where: string, send: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.calls >= MAX_AWS_CALLS) {
      throw new ProbeError('request-cap', `AWS call cap of ${MAX_AWS_CALLS} per run reached; not calling ${action}`);
    }
    this.calls++;
    const deadline = AbortSignal.timeout(this.limits.totalTimeoutMs);
    const abortSignal = AbortSignal.any([this.signal, deadline]);
    try {
      return await send(abortSignal);
    } catch (error) {
      throw classifyAwsError(error, service, action, { deadline, run: this.signal, timeoutMs: this.limits.totalTimeoutMs, where });
    }
  }

  /** A call whose refusal is kept as an observation. */
  async read<T>(service: AwsService, action: string, where: string, send: (abortSignal: AbortSignal) => Promise<T>): Promise<AwsRead<T>> {
    try {
      return { ok: true, value: await this.call(service, action, where, send) };
    } catch (error) {
      if (error instanceof AwsRefusalError) return { ok: false, refusal: error.refusal };
      throw error;
    }
  }

  close(): void {
    for (const client of this.created.splice(0)) client.destroy();
  }
}

/** The SDK warns on stderr about Node versions it will drop in the future; a report is no place for it. */
async function loadSdk<T>(load: () => Promise<T>): Promise<T> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return load();
}
