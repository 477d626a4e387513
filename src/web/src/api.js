import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * The API's answer: status, the JSON body (or null), and the headers the API exposes to browsers
 * (Idempotent-Replayed, Retry-After).
 */
export class Answer {
  constructor(status, body, headers) {
    this.status = status;
    this.body = body;
    this.headers = headers;
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

  async send(method, query, body, headers) {
    const url = new URL('test', this.base);
    const credentials = await this.session.current();
    const signer = new SignatureV4({
      service: 'execute-api',
      region: this.region,
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
    const response = await fetch(sent, { method, headers: sendable, body: body ?? undefined });
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
    });
  }
}
