import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

/** The status of an answer the browser could not read: the call failed like a network error. */
export const UNREAD = 0;

// How long a call, and a probe, may take before the API counts as unreachable.
const CALL_MS = 30_000;
const PROBE_MS = 10_000;

/**
 * The API's answer: status (UNREAD when the browser could not read one), the JSON body (or null), the headers the
 * API exposes to browsers (Idempotent-Replayed, Retry-After, Date), and, for an unread one, what a look afterwards
 * found out (`unread`: 'refused', 'refused-or-origin' or 'unreachable').
 */
export class Answer {
  constructor(status, body, headers) {
    this.status = status;
    this.body = body;
    this.headers = headers;
    this.unread = null;
  }

  /** True when API Gateway itself refused (its 403 has no "error", the function's has), or nothing was readable. */
  get maybeGatewayRefusal() {
    return this.status === UNREAD || (this.status === 403 && this.body?.error === undefined);
  }
}

/** Calls GET and POST /test signed with SigV4 (the AWS SDK's signer) with the session's credentials. */
export class TestApi {
  constructor(config, session) {
    this.base = new URL(config.apiUrl.endsWith('/') ? config.apiUrl : `${config.apiUrl}/`);
    this.region = config.region;
    this.session = session;
  }

  list(limit, nextToken) {
    const query = { limit: String(limit) };
    if (nextToken) {
      query.nextToken = nextToken;
    }
    return this.send('GET', query, null, {});
  }

  create(message, idempotencyKey) {
    return this.send('POST', {}, JSON.stringify({ message }), {
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
    });
  }

  send(method, query, body, headers) {
    return signedCall(this, method, 'test', query, body, headers);
  }

  /**
   * Whether the API answers at all: an unsigned call in no-cors mode resolves (with an opaque answer) when a server
   * answered, whatever it said, and fails only when none did (refused connection, DNS, timeout).
   */
  async reachable() {
    try {
      await fetch(new URL('test', this.base), { mode: 'no-cors', cache: 'no-store', signal: AbortSignal.timeout(PROBE_MS) });
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * One call to the API at `path` (relative to the API's base URL), signed with SigV4 with `api.session`'s credentials:
 * the Answer, or UNREAD when the browser could not read one.
 */
export async function signedCall(api, method, path, query, body, headers) {
  const url = new URL(path, api.base);
  const credentials = await api.session.current();
  const signer = new SignatureV4({
    service: 'execute-api',
    region: api.region,
    credentials,
    sha256: Sha256,
  });
  // The browser sets Host itself (to url.host); signing the same value makes the signature match.
  const signed = await signer.sign({
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query,
    headers: { host: url.host, ...headers },
    body: body ?? undefined,
  });
  const sent = new URL(url);
  Object.entries(query).forEach(([name, value]) => sent.searchParams.set(name, value));
  const { host, ...sendable } = signed.headers;
  let response;
  try {
    response = await fetch(sent, {
      method, headers: sendable, body: body ?? undefined, signal: AbortSignal.timeout(CALL_MS),
    });
  } catch (error) {
    // No readable answer: the API is down, or it answered without CORS headers (API Gateway's own refusals may
    // lack them). The browser hides which; the caller finds out with reachable() and a second call.
    console.info(`${method} /${path}: no readable answer (${error.message})`);
    return new Answer(UNREAD, null, {});
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return new Answer(response.status, json, {
    replayed: response.headers.get('idempotent-replayed') === 'true',
    retryAfter: response.headers.get('retry-after'),
    date: response.headers.get('date'),
    receivedAt: Date.now(),
  });
}
